import type { Redis } from 'ioredis';
import { redactSecrets } from '../../core/http/classify-response.ts';
import type { DependencyHealth } from './health-types.ts';
import { describe, round } from './probes.ts';

const TIMEOUT_MS = 2_000;

/**
 * The Redis a service uses (sessions, the event bus), given its REDIS_URL: one connection that
 * reconnects on its own, and a real `PING` for /health/detailed. A service without a REDIS_URL has none
 * (nothing in its health).
 */
export class ServiceRedis {
  #client: Redis | undefined;
  #target = '';
  #lastError: string | undefined;

  get present(): boolean {
    return this.#client !== undefined;
  }

  async use(url: string): Promise<void> {
    const { Redis: Client } = await import('ioredis');
    this.#target = redactSecrets(url);
    // Commands fail at once while disconnected (no retry queue); the connection itself keeps retrying.
    this.#client = new Client(url, { connectTimeout: TIMEOUT_MS, maxRetriesPerRequest: 0, retryStrategy: (times) => Math.min(times * 200, 2_000) });
    this.#client.on('error', (err: unknown) => (this.#lastError = describe(err)));
    this.#client.on('ready', () => (this.#lastError = undefined));
  }

  /** A real PING, answered PONG within 2 s. */
  async check(): Promise<DependencyHealth> {
    const client = this.#client;
    if (!client) return { status: 'unhealthy', error: 'no REDIS_URL given' };
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS)));
      const reply = await Promise.race([client.ping(), deadline]);
      const latency_ms = round(performance.now() - started);
      if (reply !== 'PONG') return { status: 'unhealthy', target: this.#target, latency_ms, error: `PING answered ${JSON.stringify(reply)}` };
      return { status: 'healthy', target: this.#target, latency_ms };
    } catch (err) {
      // The socket's own error (ECONNREFUSED) says more than the command's ("Connection is closed").
      return { status: 'unhealthy', target: this.#target, latency_ms: round(performance.now() - started), error: this.#lastError ?? describe(err) };
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    this.#client?.disconnect();
  }
}
