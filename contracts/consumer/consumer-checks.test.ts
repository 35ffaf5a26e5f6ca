import { describe, expect, it } from 'vitest';
import { consumerChecks } from './consumer-checks.ts';
import { VitestReport } from './vitest-report.ts';

const report = (over: Record<string, unknown>) =>
  VitestReport.parse({ numTotalTests: 2, numFailedTests: 0, numPassedTests: 2, testResults: [{ name: '/w/contracts/a--b.pact.test.ts', status: 'passed', assertionResults: [] }], ...over });

describe('the consumer step as checks', () => {
  it('is one passing check when every consumer test passed', () => {
    expect(consumerChecks(report({}), 1200, '/w')).toEqual([{ id: 'contracts.consumer', name: 'consumer tests', service: 'contracts', durationMs: 1200, outcome: 'pass', detail: { tests: 2, files: 1 } }]);
  });

  it('fails once per failed test, naming the file and test, with the message as the diff', () => {
    const failing = report({
      numFailedTests: 1,
      testResults: [{ name: '/w/contracts/a--b.pact.test.ts', status: 'failed', assertionResults: [{ fullName: 'a -> b reads x', status: 'failed', failureMessages: ['Error: Mock server failed\n  at line'] }] }],
    });
    const [check] = consumerChecks(failing, 5, '/w');
    expect(check).toMatchObject({ outcome: 'fail', failure: { kind: 'contract-mismatch', message: 'consumer test failed: contracts/a--b.pact.test.ts > a -> b reads x: Error: Mock server failed', diff: 'Error: Mock server failed\n  at line' } });
  });

  it('fails a file that could not even load its tests', () => {
    const broken = report({ numTotalTests: 1, numFailedTests: 0, testResults: [{ name: '/w/contracts/c--d.pact.test.ts', status: 'failed', message: 'Cannot find module x', assertionResults: [] }] });
    expect(consumerChecks(broken, 5, '/w')[0]?.failure?.message).toBe('consumer test failed: contracts/c--d.pact.test.ts > (file): Cannot find module x');
  });

  it('is inconclusive, never a pass, when no consumer test ran', () => {
    expect(consumerChecks(report({ numTotalTests: 0, numPassedTests: 0, testResults: [] }), 5, '/w')[0]?.outcome).toBe('inconclusive');
  });
});
