import { Redis } from 'ioredis';
import { classifyTransportError, errorChain } from '../core/http/classify-transport.ts';
import type { Failure } from '../core/result.ts';
import { redactUrl } from './redact.ts';
import { fail, pass, type Verdict } from './verdict.ts';

/** Socket codes as transport failures; Redis server replies (NOAUTH, WRONGPASS, LOADING) as dependency-down. */
export function classifyRedisError(err: unknown, url: string, timeoutMs: number): Failure {
  const chain = errorChain(err);
  const reply = chain.find((e) => e.name === 'ReplyError');
  if (reply) return { kind: 'dependency-down', url, message: `Redis replied with an error: ${(reply.message ?? '').split('\n')[0]}` };
  const timedOut = chain.some((e) => /timed? ?out/i.test(e.message ?? ''));
  const failure = classifyTransportError(err, { url, timeoutMs, deadlineHit: timedOut });
  return failure.kind === 'internal' ? { ...failure, kind: 'dependency-down', message: `Redis: ${failure.message.replace(/^request failed: /, '')}` } : failure;
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`timed out after ${ms} ms`), { name: 'TimeoutError' })), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** Connects with a real client (no reconnects, no offline queue), sends PING and expects PONG within `timeoutMs`. */
export async function probeRedis(url: string, timeoutMs: number): Promise<Verdict> {
  const shown = redactUrl(url);
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
    enableReadyCheck: false,
  });
  let socketError: unknown;
  client.on('error', (err) => (socketError = err)); // the socket error; connect() itself only says "Connection is closed."
  const start = performance.now();
  try {
    const reply = await withDeadline(client.connect().then(() => client.ping()), timeoutMs);
    const latencyMs = Math.round(performance.now() - start);
    if (reply !== 'PONG') return fail({ kind: 'schema', url: shown, field: '(reply)', message: `PING answered ${JSON.stringify(reply)}, expected PONG` }, { latencyMs });
    return pass({ url: shown, command: 'PING', latencyMs });
  } catch (err) {
    const cause = socketError && errorChain(err).every((e) => !e.code) ? socketError : err;
    return fail(classifyRedisError(cause, shown, timeoutMs), { latencyMs: Math.round(performance.now() - start) });
  } finally {
    client.disconnect();
  }
}
