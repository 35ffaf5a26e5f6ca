import { Pool } from 'undici';
import { BAD_DEPENDENCY_HOST } from '../faults/faults.ts';
import type { FaultState } from './fault-state.ts';
import { HttpError } from './http-error.ts';

const BAD_URL = `http://${BAD_DEPENDENCY_HOST}`;
/** Where a service under bad-dependency looks for its database (the seed's "hardcoded localhost" instead of DATABASE_URL). */
export const BAD_DATABASE_URL = `postgresql://tracseq_admin@${BAD_DEPENDENCY_HOST}/tracseq_prod`;

/**
 * Where this service finds the others: the URL map the launcher sends once every service listens,
 * and one keep-alive undici Pool per origin. The bad-dependency fault points everything at 127.0.0.1:1
 * (the seed's "connects to localhost instead of DATABASE_URL").
 */
export class Deps {
  #urls: Readonly<Record<string, string>> = {};
  #replicas: Readonly<Record<string, readonly string[]>> = {};
  readonly #pools = new Map<string, Pool>();
  readonly #faults: FaultState;
  readonly #service: string;

  constructor(service: string, faults: FaultState) {
    this.#service = service;
    this.#faults = faults;
  }

  setUrls(urls: Readonly<Record<string, string>>, replicas: Readonly<Record<string, readonly string[]>> = {}): void {
    this.#urls = urls;
    this.#replicas = replicas;
  }

  /** Every replica's base URL of a dependency (its one URL when it is not replicated; bad-dependency: 127.0.0.1:1). */
  replicas(id: string): readonly string[] {
    if (this.#faults.current.badDependency) return [BAD_URL];
    return this.#replicas[id] ?? [this.url(id)];
  }

  get urls(): Readonly<Record<string, string>> {
    return this.#urls;
  }

  has(id: string): boolean {
    return Object.hasOwn(this.#urls, id);
  }

  /** Base URL of a dependency as this service sees it (bad-dependency: 127.0.0.1:1). */
  url(id: string): string {
    if (this.#faults.current.badDependency) return BAD_URL;
    const url = this.#urls[id];
    if (!url) throw new HttpError(503, `${this.#service}: no URL configured for ${id}`);
    return url;
  }

  /** Keep-alive pool for a dependency's origin. */
  pool(id: string): Pool {
    return this.poolAt(this.url(id));
  }

  /** Keep-alive pool for one origin (a replica). */
  poolAt(origin: string): Pool {
    let pool = this.#pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, { connections: 64, keepAliveTimeout: 4_000, connectTimeout: 2_000, headersTimeout: 10_000, bodyTimeout: 10_000 });
      this.#pools.set(origin, pool);
    }
    return pool;
  }

  async close(): Promise<void> {
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.allSettled(pools.map((p) => p.destroy()));
  }
}

/** Client options for calling dependency `id` through this service's keep-alive pool. */
export function clientOptions(deps: Deps, id: string, timeoutMs = 5_000): { baseUrl: string; dispatcher: Pool; timeoutMs: number } {
  return { baseUrl: deps.url(id), dispatcher: deps.pool(id), timeoutMs };
}
