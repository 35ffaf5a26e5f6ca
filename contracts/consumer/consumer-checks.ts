import { relative } from 'node:path';
import type { Check } from '../../core/result.ts';
import { consumerFailures, type VitestReport } from './vitest-report.ts';

/**
 * The consumer step as checks: one passing check when every consumer test passed, else one failing
 * check per failed test (its message as the diff). No tests at all is inconclusive, never a pass.
 */
export function consumerChecks(report: VitestReport, durationMs: number, projectRoot: string): Check[] {
  const base = { service: 'contracts', durationMs };
  if (report.numTotalTests === 0) {
    return [{ ...base, id: 'contracts.consumer', name: 'consumer tests', outcome: 'inconclusive', failure: { kind: 'no-data', message: 'the contracts vitest project found no consumer tests' } }];
  }
  const failures = consumerFailures(report);
  if (failures.length === 0 && report.numFailedTests === 0) {
    return [{ ...base, id: 'contracts.consumer', name: 'consumer tests', outcome: 'pass', detail: { tests: report.numTotalTests, files: report.testResults.length } }];
  }
  return failures.map((f, i): Check => {
    const file = relative(projectRoot, f.file);
    const firstLine = f.message.split('\n').find((l) => l.trim()) ?? 'failed';
    return { ...base, id: `contracts.consumer.${i}`, name: `consumer test ${file} > ${f.test}`, outcome: 'fail', failure: { kind: 'contract-mismatch', message: `consumer test failed: ${file} > ${f.test}: ${firstLine}`, diff: f.message } };
  });
}
