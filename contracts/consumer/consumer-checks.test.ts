import { describe, expect, it } from 'vitest';
import type { CaseResult, ConsumerReport } from './case-result.ts';
import { consumerChecks } from './consumer-checks.ts';

const passed = (name: string): CaseResult => ({ consumer: 'a', provider: 'b', name, outcome: 'pass', durationMs: 3 });
const report = (cases: CaseResult[], contracts = 1): ConsumerReport => ({ cases, contracts });

describe('the consumer step as checks', () => {
  it('is one passing check when every consumer case passed', () => {
    expect(consumerChecks(report([passed('a reads x'), passed('a reads y')]), 1200)).toEqual([
      { id: 'contracts.consumer', name: 'consumer tests', service: 'contracts', durationMs: 1200, outcome: 'pass', detail: { tests: 2, files: 1 } },
    ]);
  });

  it('fails once per failed case, naming the module and case, with the whole message as the diff', () => {
    const failing: CaseResult = { consumer: 'a', provider: 'b', name: 'a reads x', outcome: 'fail', message: 'Mock server failed\n  expected /x', durationMs: 5 };
    const checks = consumerChecks(report([passed('a reads y'), failing]), 5);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ outcome: 'fail', failure: { kind: 'contract-mismatch', message: 'consumer test failed: contracts/a--b.pact.ts > a reads x: Mock server failed', diff: 'Mock server failed\n  expected /x' } });
  });

  it('names the catalog example of a generated case that failed, not a module', () => {
    const generated: CaseResult = { consumer: 'a', provider: 'b', name: 'GET /x answers 200', where: 'catalog services[0].dependencies.http[1].example', outcome: 'fail', message: 'status: expected 200', durationMs: 4 };
    expect(consumerChecks(report([generated]), 5)[0]?.failure?.message).toBe('consumer test failed: catalog services[0].dependencies.http[1].example > GET /x answers 200: status: expected 200');
  });

  it('fails a contract that could not even list its cases', () => {
    const broken: CaseResult = { consumer: 'c', provider: 'd', name: '(cases)', outcome: 'fail', message: 'no example value for event field "size"', durationMs: 0 };
    expect(consumerChecks(report([broken]), 5)[0]?.failure?.message).toBe('consumer test failed: contracts/c--d.pact.ts > (cases): no example value for event field "size"');
  });

  it('is inconclusive, never a pass, when no consumer case ran', () => {
    expect(consumerChecks(report([], 0), 5)[0]?.outcome).toBe('inconclusive');
  });
});
