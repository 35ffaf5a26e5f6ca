import { Agent, request } from 'undici';

/**
 * A bounded load of known composition for the SLO integration tests and the benchmark: `count`
 * requests (never more), `concurrency` in flight, stopped at `deadlineMs` whatever happens.
 * Loopback only. Returns how many answers of each status it saw, so the test knows the exact
 * fraction of failures it sent.
 */
export interface LoadSpec {
  readonly url: string;
  readonly method?: 'GET' | 'POST';
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly count: number;
  readonly concurrency?: number;
  readonly deadlineMs?: number;
}

export interface LoadCounts {
  readonly sent: number;
  readonly byStatus: Readonly<Record<number, number>>;
  /** 5xx answers. */
  readonly failed: number;
  /** Requests that got no answer (connection errors, deadline). */
  readonly errors: number;
}

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

export async function sendLoad(spec: LoadSpec): Promise<LoadCounts> {
  const url = new URL(spec.url);
  if (!LOOPBACK.has(url.hostname)) throw new Error(`load driver: ${url.hostname} is not loopback; refusing to send load`);
  const deadline = Date.now() + (spec.deadlineMs ?? 30_000);
  const dispatcher = new Agent({ connections: spec.concurrency ?? 8, headersTimeout: 10_000, bodyTimeout: 10_000 });
  const byStatus: Record<number, number> = {};
  let next = 0;
  let errors = 0;
  const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
  const worker = async () => {
    while (next < spec.count && Date.now() < deadline) {
      next += 1;
      try {
        const res = await request(url, {
          method: spec.method ?? 'GET', dispatcher, signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())),
          headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...spec.headers }, ...(body ? { body } : {}),
        });
        await res.body.dump();
        byStatus[res.statusCode] = (byStatus[res.statusCode] ?? 0) + 1;
      } catch {
        errors += 1;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(spec.concurrency ?? 8, spec.count)) }, worker));
  } finally {
    await dispatcher.close();
  }
  const failed = Object.entries(byStatus).filter(([s]) => Number(s) >= 500).reduce((a, [, n]) => a + n, 0);
  return { sent: next, byStatus, failed, errors };
}
