import { httpProbe } from '../../infra/http-probe.ts';
import { waitUntil } from '../../infra/wait.ts';

/**
 * Waits until `url`/health answers at all (any HTTP status: a service with the health-lies fault answers 503
 * and is still up), polling until the deadline (infra/wait.ts); throws naming the service otherwise.
 */
export async function waitForHealth(id: string, baseUrl: string, healthPath: string, deadline: number): Promise<void> {
  const url = `${baseUrl}${healthPath}`;
  const result = await waitUntil(httpProbe(url, () => true), { timeoutMs: Math.max(0, deadline - Date.now()), intervalMs: 50, maxIntervalMs: 250 });
  if (!result.ok) throw new Error(`${id} did not answer ${url} in time (${result.reason})`);
}
