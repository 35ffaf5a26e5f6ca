import type { Check } from '../../core/result.ts';
import type { ConsumerReport } from './case-result.ts';
import { consumerModule } from './consumer-contract.ts';

/**
 * The consumer step as checks: one passing check when every consumer case passed, else one failing check
 * per failed case (its whole message as the diff). No case at all is inconclusive, never a pass.
 */
export function consumerChecks(report: ConsumerReport, durationMs: number): Check[] {
  const base = { service: 'contracts', durationMs };
  if (report.cases.length === 0) {
    return [{ ...base, id: 'contracts.consumer', name: 'consumer tests', outcome: 'inconclusive', failure: { kind: 'no-data', message: 'no consumer contract had a case to run' } }];
  }
  const failures = report.cases.filter((c) => c.outcome === 'fail');
  if (failures.length === 0) {
    return [{ ...base, id: 'contracts.consumer', name: 'consumer tests', outcome: 'pass', detail: { tests: report.cases.length, files: report.contracts } }];
  }
  return failures.map((f, i): Check => {
    const where = `${f.where ?? consumerModule(f)} > ${f.name}`;
    const message = f.message ?? 'failed';
    const firstLine = message.split('\n').find((l) => l.trim()) ?? 'failed';
    return { ...base, id: `contracts.consumer.${i}`, name: `consumer test ${where}`, outcome: 'fail', failure: { kind: 'contract-mismatch', message: `consumer test failed: ${where}: ${firstLine}`, diff: message } };
  });
}
