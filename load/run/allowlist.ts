import type { ResolvedCatalog } from '../../core/catalog/resolve.ts';
import { ConfigError, UsageError } from '../../core/errors.ts';

/**
 * Where load may be sent: loopback always; a host of one of the catalog's non-production
 * environments; a production host only with --allow-production. Anything else is refused (exit 2):
 * a load test pointed at the wrong URL is an outage.
 */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[?::1\]?)$/i;

export function isLoopback(host: string): boolean {
  return LOOPBACK.test(host);
}

/** Every host a catalog environment's http services resolve to, by environment. */
export function environmentHosts(resolved: ResolvedCatalog): Map<string, { production: boolean; hosts: Set<string> }> {
  const out = new Map<string, { production: boolean; hosts: Set<string> }>();
  for (const [name, env] of Object.entries(resolved.catalog.environments)) {
    const hosts = new Set<string>();
    for (const s of resolved.catalog.services) {
      const url = s.urls[name] ?? (s.kind === 'http' ? env.urlTemplate.replaceAll('{id}', s.id).replaceAll('{port}', String(s.port)) : undefined);
      if (!url) continue;
      try {
        hosts.add(new URL(url).hostname.toLowerCase());
      } catch {
        // not a URL (a template of another shape): nothing to allow
      }
    }
    out.set(name, { production: env.production, hosts });
  }
  return out;
}

export interface TargetVerdict {
  readonly host: string;
  /** loopback, or the environment whose host it is. */
  readonly allowedAs: string;
}

/**
 * `allowHosts` (`--allow-host`) opens named hosts that are on no catalog environment, on purpose;
 * it never opens a production environment or host (that takes --allow-production).
 */
export function checkTarget(url: string, resolved: ResolvedCatalog, allowProduction: boolean, allowHosts: readonly string[] = []): TargetVerdict {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    throw new ConfigError(`load target "${url}" is not a URL`);
  }
  if (resolved.production && !allowProduction) {
    throw new UsageError(`refusing to send load to the production environment "${resolved.env}" (${url}); pass --allow-production to do it on purpose`);
  }
  if (isLoopback(host)) return { host, allowedAs: 'loopback' };
  const envs = environmentHosts(resolved);
  const owners = [...envs].filter(([, e]) => e.hosts.has(host));
  const safe = owners.find(([, e]) => !e.production);
  if (safe) return { host, allowedAs: `environment ${safe[0]}` };
  const prod = owners.find(([, e]) => e.production);
  if (prod && allowProduction) return { host, allowedAs: `production environment ${prod[0]} (--allow-production)` };
  if (prod) throw new UsageError(`refusing to send load to ${host}: it is a host of the production environment "${prod[0]}"; pass --allow-production to do it on purpose`);
  if (allowHosts.some((h) => h.toLowerCase() === host)) return { host, allowedAs: 'named by --allow-host' };
  const allowed = [...envs].filter(([, e]) => !e.production).flatMap(([, e]) => [...e.hosts]);
  throw new UsageError(
    `refusing to send load to ${host}: not on the allowlist (loopback, or a host of a non-production catalog environment); pass --allow-host ${host} to do it on purpose`,
    [`allowed hosts: 127.0.0.1, ::1, localhost, ${[...new Set(allowed)].sort().join(', ')}`],
  );
}
