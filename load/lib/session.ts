import exec from 'k6/execution';
import { call, field } from './http.ts';
import type { LoadEnv } from './env.ts';

/**
 * Each VU is one laboratory user with its own session: it logs in on first use and again when the
 * gateway answers 401. State is per VU (module scope is per VU in k6).
 */
let token: string | undefined;

/** Logs in; returns the HTTP status (0 for a network error). */
export function login(env: LoadEnv): number {
  const res = call(env, 'login', { body: { email: env.email, password: env.password } });
  token = field(res, 'access_token');
  return res.status;
}

export function sessionToken(env: LoadEnv): string | undefined {
  if (!token) login(env);
  return token;
}

export function hasToken(): boolean {
  return token !== undefined;
}

/** Forgets the token after a 401 so the next step logs in again. */
export function noteStatus(status: number): void {
  if (status === 401) token = undefined;
}

/** A per-VU, per-iteration unique suffix for barcodes. */
export function uniqueSuffix(): string {
  return `${exec.vu.idInTest}-${exec.vu.iterationInInstance}-${Date.now() % 100000}`;
}
