import { request } from 'undici';

/**
 * Waits until `url`/health answers at all (any HTTP status: a service with the health-lies fault answers 503
 * and is still up). Polls every 50 ms until the deadline; throws naming the service otherwise.
 */
export async function waitForHealth(id: string, baseUrl: string, healthPath: string, deadline: number): Promise<void> {
  let lastError = 'no answer';
  while (Date.now() < deadline) {
    try {
      const res = await request(`${baseUrl}${healthPath}`, { signal: AbortSignal.timeout(Math.max(100, Math.min(2_000, deadline - Date.now()))) });
      await res.body.dump();
      return;
    } catch (err) {
      lastError = err instanceof Error ? err.message : String(err);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${id} did not answer ${baseUrl}${healthPath} in time (${lastError})`);
}
