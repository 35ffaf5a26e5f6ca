import { findService, type ResolvedCatalog } from '../../core/catalog/resolve.ts';
import { ConfigError } from '../../core/errors.ts';
import { createHttpClient, type HttpClient } from '../../core/http/request.ts';
import { resolveHookUrl } from './hook-url.ts';
import type { ProviderOutcome } from './verify-checks.ts';

export interface ProviderTarget {
  readonly provider: string;
  readonly providerUrl: string;
  readonly hookUrl: string;
  readonly healthUrl: string;
}

/** The provider's resolved URL in this environment, its provider-state hook and its health URL. */
export function providerTarget(provider: string, resolved: ResolvedCatalog, env: NodeJS.ProcessEnv): ProviderTarget {
  const found = findService(resolved, provider);
  if (!found.baseUrl) throw new ConfigError(`${provider}: no URL in environment ${resolved.env}`);
  return {
    provider,
    providerUrl: found.baseUrl,
    hookUrl: resolveHookUrl(provider, found.baseUrl, env),
    healthUrl: `${found.baseUrl}${found.service.health?.path ?? '/health'}`,
  };
}

/**
 * undefined when the provider answers at all (any status: health-lies must not hide a contract);
 * an `unreachable` outcome otherwise, so its interactions are inconclusive instead of crashing the verifier.
 */
export async function reachProvider(target: ProviderTarget, signal: AbortSignal, http: HttpClient = createHttpClient()): Promise<ProviderOutcome | undefined> {
  const result = await http.send({ url: target.healthUrl, timeoutMs: 5_000, signal });
  return result.ok ? undefined : { kind: 'unreachable', failure: { ...result.failure, message: `${target.provider} unreachable: ${result.failure.message}` } };
}
