import { waitForScrape } from '../../infra/prometheus.ts';

/**
 * Runs a load inside an evaluation window whose counts Prometheus gives exactly.
 *
 * `increase()` extrapolates from the first and last samples in the range out to the range's
 * edges, and for a counter whose first sample is small it extrapolates only down to zero, so two
 * series of one target can get different factors and bad/total drifts (we saw 1.71% measured for
 * 1.80% sent). So the window is cut to the samples themselves: it starts 1 ms before the scrape
 * taken after the warm-up (the warm-up creates every series; nothing is sent until that scrape is
 * done) and ends exactly at the scrape taken after the load (`--at` = its timestamp). Both edges
 * then sit on samples, the extrapolation factor is 1 + 1 ms / window for every series, and the
 * evaluated fraction equals the one the client counted, to within about 0.02% of itself.
 */
export async function measuredWindow<T>(prometheusUrl: string, jobs: readonly string[], load: () => Promise<T>, warmup?: () => Promise<unknown>): Promise<{ result: T; at: Date; windowMs: number }> {
  if (warmup) await warmup();
  const before = await waitForScrape(prometheusUrl, { jobs, since: new Date(), timeoutMs: 20_000 });
  const first = Math.min(...before.map((t) => t.lastScrape.getTime()));
  const result = await load();
  const after = await waitForScrape(prometheusUrl, { jobs, since: new Date(), timeoutMs: 20_000 });
  const last = Math.max(...after.map((t) => t.lastScrape.getTime()));
  return { result, at: new Date(last), windowMs: last - first + 1 };
}
