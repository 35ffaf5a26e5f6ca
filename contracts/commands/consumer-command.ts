import type { Catalog } from '../../core/catalog/schema.ts';
import { GateFailedError, UnreachableError } from '../../core/errors.ts';
import { consumerChecks } from '../consumer/consumer-checks.ts';
import { runConsumerTests } from '../consumer/run-consumer-tests.ts';
import { loadPacts } from '../pact/load-pacts.ts';

/** Regenerates the pacts folder from empty with the consumer contracts and lists what was written. */
export async function consumerCommand(dir: string, catalog: Catalog, env: NodeJS.ProcessEnv, signal: AbortSignal, out: (text: string) => void): Promise<void> {
  const started = Date.now();
  const report = await runConsumerTests({ catalog, pactsDir: dir, env, signal, log: () => {} });
  const checks = consumerChecks(report, Date.now() - started);
  const failed = checks.filter((c) => c.outcome === 'fail');
  for (const c of failed) out(`FAIL ${c.failure?.message ?? c.name}`);
  if (failed.length > 0) throw new GateFailedError(`contracts consumer: ${failed.length} consumer test(s) failed`);
  if (checks.some((c) => c.outcome === 'inconclusive')) throw new UnreachableError('contracts consumer: no consumer tests ran');
  const pacts = await loadPacts(dir);
  const lines = pacts.map((p) => `  ${p.file}: ${p.pact.interactions.length} interaction(s), sha256 ${p.hash.slice(0, 12)}`);
  out([`${report.cases.length} consumer tests passed in ${((Date.now() - started) / 1000).toFixed(1)} s; ${pacts.length} pact files in ${dir}`, ...lines].join('\n'));
}
