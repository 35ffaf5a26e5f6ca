import { request } from 'undici';
import { formatIssues } from '../../core/zod-issues.ts';
import { PartialFaultsSchema, type Faults } from '../faults/faults.ts';

/** PUT <baseUrl>/__admin/faults with a partial fault set; throws with the service's answer on failure. */
export async function putFaults(service: string, baseUrl: string, faults: Partial<Faults>): Promise<Faults> {
  const parsed = PartialFaultsSchema.safeParse(faults);
  if (!parsed.success) throw new Error(`setFaults(${service}): ${formatIssues(parsed.error).join('; ')}`);
  return (await adminCall(service, baseUrl, 'PUT', '/__admin/faults', parsed.data)) as Faults;
}

/** One loopback admin call (faults, reset, seed, produce); non-2xx answers throw naming the service. */
export async function adminCall(service: string, baseUrl: string, method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown): Promise<unknown> {
  const res = await request(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(5_000),
  });
  const text = await res.body.text();
  if (res.statusCode < 200 || res.statusCode >= 300) throw new Error(`${service} ${method} ${path} answered ${res.statusCode}: ${text}`);
  return text ? (JSON.parse(text) as unknown) : undefined;
}
