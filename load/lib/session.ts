import exec from 'k6/execution';
import { call, field } from './http.ts';
import type { LoadEnv } from './env.ts';

/**
 * Each VU is one laboratory user with a session. It starts with one of the sessions setup() opened
 * (users are already logged in when the test starts; 100 VUs logging in at once would measure a
 * login storm, not the steady state), logs in itself in the signIn journey, and again after a 401.
 * State is per VU (module scope is per VU in k6).
 */
let token: string | undefined;
let adopted = false;
let pool: readonly string[] = [];

/** The sessions setup() opened, shared out by VU id. */
export function useSessionPool(tokens: readonly string[]): void {
  pool = tokens;
}

/** Logs in; returns the HTTP status (0 for a network error). */
export function login(env: LoadEnv): number {
  const res = call(env, 'login', { body: { email: env.email, password: env.password } });
  token = field(res, 'access_token');
  return res.status;
}

export function sessionToken(env: LoadEnv): string | undefined {
  if (!token && !adopted && pool.length > 0) token = pool[(exec.vu.idInTest - 1) % pool.length];
  adopted = true;
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

/**
 * Drawn once per VU (module scope is per VU): barcodes must not collide with those of another k6
 * process against the same system (a second instance, another job), whose VU ids and iteration
 * numbers start from the same values at the same millisecond.
 */
const RUN_TOKEN = Math.floor(Math.random() * 36 ** 6).toString(36).padStart(6, '0');

let made = 0;

/** A barcode suffix unique to each call in this k6 process (an iteration may register several samples). */
export function uniqueSuffix(): string {
  made += 1;
  return `${RUN_TOKEN}-${exec.vu.idInTest}-${made}`;
}

/** A barcode suffix for setup()'s fixtures (setup runs outside any VU iteration). */
export function setupSuffix(i: number): string {
  return `${RUN_TOKEN}-setup-${i}`;
}
