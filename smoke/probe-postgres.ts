import pg from 'pg';
import { classifyTransportError, errorChain } from '../core/http/classify-transport.ts';
import type { Failure } from '../core/result.ts';
import { redactUrl } from './redact.ts';
import { fail, pass, type Verdict } from './verdict.ts';

/** Classifies a pg error: socket-level codes as transport failures, SQLSTATE errors (auth, missing db) as dependency-down. */
export function classifyPostgresError(err: unknown, url: string, timeoutMs: number): Failure {
  const chain = errorChain(err);
  const sqlState = chain.find((e) => typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code));
  if (sqlState) return { kind: 'dependency-down', url, message: `PostgreSQL refused the session: ${sqlState.message ?? 'error'} (SQLSTATE ${sqlState.code})` };
  const timedOut = chain.some((e) => /timeout/i.test(e.message ?? ''));
  const failure = classifyTransportError(err, { url, timeoutMs, deadlineHit: timedOut });
  return failure.kind === 'internal' ? { ...failure, kind: 'dependency-down', message: `PostgreSQL: ${failure.message.replace(/^request failed: /, '')}` } : failure;
}

/** Connects with a real client, runs `SELECT 1` and checks the answer, all within `timeoutMs`. */
export async function probePostgres(url: string, timeoutMs: number): Promise<Verdict> {
  const shown = redactUrl(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs, statement_timeout: timeoutMs });
  client.on('error', () => {}); // a server that drops the session after connect must not crash the run
  const start = performance.now();
  try {
    await client.connect();
    const result = await client.query<{ one: number }>('SELECT 1 AS one');
    const latencyMs = Math.round(performance.now() - start);
    if (result.rows[0]?.one !== 1) {
      return fail({ kind: 'schema', url: shown, field: 'rows[0].one', message: `SELECT 1 returned ${JSON.stringify(result.rows[0] ?? null)}` }, { latencyMs });
    }
    return pass({ url: shown, query: 'SELECT 1', latencyMs });
  } catch (err) {
    return fail(classifyPostgresError(err, shown, timeoutMs), { latencyMs: Math.round(performance.now() - start) });
  } finally {
    await client.end().catch(() => {});
  }
}
