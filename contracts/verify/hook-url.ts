import { urlEnvVar } from '../../core/catalog/resolve.ts';
import { ConfigError } from '../../core/errors.ts';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** `sample-service` -> `SAMPLE_SERVICE_STATE_HOOK_URL`. */
export function hookEnvVar(id: string): string {
  return urlEnvVar(id).replace(/_URL$/, '_STATE_HOOK_URL');
}

/**
 * Where a provider's provider-state hook lives: `<ID>_STATE_HOOK_URL` when set (a real environment);
 * else the provider itself when it runs on loopback (the reference stack's loopback-only /__admin).
 * A remote provider without a configured hook is a ConfigError naming the variable.
 */
export function resolveHookUrl(provider: string, providerUrl: string, env: NodeJS.ProcessEnv): string {
  const explicit = env[hookEnvVar(provider)];
  if (explicit) return explicit.replace(/\/+$/, '');
  const host = new URL(providerUrl).hostname;
  if (LOOPBACK_HOSTS.has(host)) return providerUrl.replace(/\/+$/, '');
  throw new ConfigError(`${provider}: no provider-state hook for ${providerUrl}; set ${hookEnvVar(provider)} to its base URL (the hook serves /__admin/seed and /__admin/produce)`);
}
