import { describe, expect, it } from 'vitest';
import type { SuiteResult } from '../../../core/result.ts';
import { renderSmokeTable } from './smoke-table.ts';

describe('the smoke table', () => {
  it('shows how many replicas were healthy on a passing replicated check, and the failure on a failing one', () => {
    const smoke: SuiteResult = {
      suite: 'smoke', outcome: 'fail', startedAt: '2026-01-01T00:00:00.000Z', durationMs: 10,
      checks: [
        { id: 'a.health', name: 'health', service: 'a', outcome: 'pass', durationMs: 3, detail: { summary: '3 of 3 replicas healthy' } },
        { id: 'b.health', name: 'health', service: 'b', outcome: 'fail', durationMs: 3, failure: { kind: 'connection-refused', url: 'http://10.0.0.2:8081/health', message: '2 of 3 replicas healthy; replica http://10.0.0.2:8081: connection refused' } },
      ],
    };
    const html = renderSmokeTable(smoke);
    expect(html).toMatch(/<td>a<\/td><td>health<\/td>.*<td>3 of 3 replicas healthy<\/td><\/tr>/);
    expect(html).toContain('2 of 3 replicas healthy; replica http://10.0.0.2:8081: connection refused [connection-refused]');
  });
});
