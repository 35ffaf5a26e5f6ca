import { request } from 'undici';
import { runChild } from '../../infra/process.ts';
import { waitUntil } from '../../infra/wait.ts';

/** Helpers for the stack's integration tests (real HTTP to loopback services). */
export interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly ms: number;
}

export async function call(url: string, init: { method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; token?: string; body?: unknown } = {}): Promise<Answer> {
  const started = performance.now();
  const headers: Record<string, string> = {};
  if (init.token) headers['authorization'] = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await request(url, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), signal: AbortSignal.timeout(20_000) });
  const text = await res.body.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.statusCode, body, headers: res.headers, ms: performance.now() - started };
}

export async function loginToken(gatewayUrl: string): Promise<string> {
  const answer = await call(`${gatewayUrl}/api/v1/auth/login`, { method: 'POST', body: { email: 'admin@lab.local', password: 'admin123' } });
  const token = (answer.body as { access_token?: unknown }).access_token;
  if (answer.status !== 200 || typeof token !== 'string') throw new Error(`login answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return token;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** `promtool check metrics` on a metrics text: exit status and output. */
export async function promtoolCheck(text: string): Promise<{ ok: boolean; output: string }> {
  const result = await runChild({ command: 'promtool', args: ['check', 'metrics'], label: 'promtool', input: text, captureStderr: true, timeoutMs: 20_000 });
  return { ok: result.code === 0, output: `${result.stdout}${result.stderr}`.trim() };
}

/** Polls `check` every 50 ms (infra/wait.ts) until it returns true or the deadline passes. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<boolean> {
  const result = await waitUntil(async () => ((await check()) ? { done: true, value: true } : { done: false, reason: 'not yet' }), { timeoutMs, intervalMs: 50, maxIntervalMs: 50 });
  return result.ok;
}
