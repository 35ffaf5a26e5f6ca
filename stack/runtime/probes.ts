import { connect } from 'node:net';
import { request, type Dispatcher } from 'undici';
import type { DependencyHealth } from './health-types.ts';

/** Long enough not to call a busy but healthy service down on a loaded machine. */
const PROBE_TIMEOUT_MS = 2_000;

/** GET <target><path> through `dispatcher`; healthy on 2xx. */
export async function probeHttp(dispatcher: Dispatcher, target: string, path = '/health'): Promise<DependencyHealth> {
  const started = performance.now();
  try {
    const res = await request(`${target}${path}`, { dispatcher, signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    await res.body.dump();
    const latency_ms = round(performance.now() - started);
    if (res.statusCode >= 200 && res.statusCode < 300) return { status: 'healthy', target, latency_ms };
    return { status: 'unhealthy', target, latency_ms, error: `${path} answered ${res.statusCode}` };
  } catch (err) {
    return { status: 'unhealthy', target, latency_ms: round(performance.now() - started), error: describe(err) };
  }
}

/** A database address (`postgresql://user@host:port/db`) probed with a real TCP connect (the bad-dependency fault's address). */
export async function probeDatabase(target: string): Promise<DependencyHealth> {
  const started = performance.now();
  const url = new URL(target);
  const error = await tcpConnect(url.hostname, Number(url.port || 5432));
  const latency_ms = round(performance.now() - started);
  return error ? { status: 'unhealthy', target, latency_ms, error } : { status: 'healthy', target, latency_ms };
}

function tcpConnect(host: string, port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: PROBE_TIMEOUT_MS });
    const done = (error: string | undefined) => {
      socket.destroy();
      resolve(error);
    };
    socket.once('connect', () => done(undefined));
    socket.once('timeout', () => done(`connect timeout ${host}:${port}`));
    socket.once('error', (err) => done(describe(err)));
  });
}

export function describe(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    const cause = (err as { cause?: unknown }).cause;
    if (cause instanceof Error) return describe(cause);
    return code && !err.message.includes(code) ? `${code}: ${err.message}` : err.message;
  }
  return String(err);
}

export function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
