import { probeTcp } from './probe-tcp.ts';
import type { Verdict } from './verdict.ts';

/** Probes for the catalog's infrastructure kinds; real ones use pg, ioredis and node:net, tests may pass fakes. */
export interface InfraProbes {
  /** `SELECT 1` over a real PostgreSQL connection. */
  postgres(url: string, timeoutMs: number): Promise<Verdict>;
  /** `PING` over a real Redis connection. */
  redis(url: string, timeoutMs: number): Promise<Verdict>;
  /** A TCP connect to `tcp://host:port`. */
  tcp(url: string, timeoutMs: number): Promise<Verdict>;
}

/** The real probes, loading pg/ioredis only when a URL asks for them. */
export const realInfraProbes: InfraProbes = {
  async postgres(url, timeoutMs) {
    const { probePostgres } = await import('./probe-postgres.ts');
    return probePostgres(url, timeoutMs);
  },
  async redis(url, timeoutMs) {
    const { probeRedis } = await import('./probe-redis.ts');
    return probeRedis(url, timeoutMs);
  },
  tcp: probeTcp,
};
