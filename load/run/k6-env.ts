import type { ResolvedCatalog } from '../../core/catalog/resolve.ts';
import { findService } from '../../core/catalog/resolve.ts';
import { ConfigError } from '../../core/errors.ts';
import type { LoadSettings } from './settings.ts';
import { renderK6Thresholds, type ThresholdSpec } from './thresholds/spec.ts';

/**
 * The --env values handed to a scenario (read on the k6 side by load/lib/env.ts): the gateway URL,
 * the login from the catalog's auth endpoint, the thresholds generated from the SLOs, and only the
 * overrides the caller set (the scenario's own defaults apply otherwise).
 */
export function gatewayUrl(resolved: ResolvedCatalog, entryService: string): string {
  const url = findService(resolved, entryService).baseUrl;
  if (!url) throw new ConfigError(`environment "${resolved.env}": ${entryService} has no URL to send load to`);
  return url;
}

function catalogLogin(resolved: ResolvedCatalog): Record<string, string> {
  const body = resolved.services.flatMap((s) => s.service.endpoints).find((e) => e.name === 'login')?.body;
  const email = body?.['email'];
  const password = body?.['password'];
  return typeof email === 'string' && typeof password === 'string' ? { LOGIN_EMAIL: email, LOGIN_PASSWORD: password } : {};
}

export function k6Env(resolved: ResolvedCatalog, s: LoadSettings, thresholds: readonly ThresholdSpec[]): Record<string, string> {
  const env: Record<string, string> = {
    BASE_URL: gatewayUrl(resolved, s.entryService),
    EXPECTED_RPS: String(s.expectedRps),
    THRESHOLDS: JSON.stringify(renderK6Thresholds(thresholds)),
    ...catalogLogin(resolved),
  };
  if (s.rate !== undefined) env['RATE'] = String(s.rate);
  if (s.duration !== undefined) env['DURATION'] = s.duration;
  if (s.ramp !== undefined) env['RAMP'] = s.ramp;
  if (s.vus !== undefined) env['VUS'] = String(s.vus);
  if (s.thinkScale !== undefined) env['THINK_SCALE'] = String(s.thinkScale);
  return env;
}
