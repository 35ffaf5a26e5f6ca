import { describe, expect, it } from 'vitest';
import type { Outcome, SuiteResult } from '../core/result.ts';
import { skippedSuite, stopAfter } from './verdict.ts';

const at = new Date('2026-01-01T00:00:00Z');
const suite = (name: SuiteResult['suite'], outcome: Outcome, services: string[] = []): SuiteResult => ({
  suite: name,
  outcome,
  startedAt: at.toISOString(),
  durationMs: 10,
  checks: services.map((service, i) => ({ id: `c${i}`, name: 'health', service, outcome, durationMs: 1 })),
});

describe('stopping after smoke', () => {
  it('a failed smoke skips load and SLO and names the failing services', () => {
    const stop = stopAfter(suite('smoke', 'fail', ['sample-service', 'event-service']));
    expect(stop?.skip).toEqual(['load', 'slo']);
    expect(stop?.reason).toBe('smoke failed (sample-service, event-service): no point loading a dead system');
  });

  it('an inconclusive smoke stops the gate too', () => {
    expect(stopAfter(suite('smoke', 'inconclusive'))?.reason).toMatch(/^smoke was inconclusive/);
  });

  it('a passing smoke, or a failing later suite, does not stop the gate', () => {
    expect(stopAfter(suite('smoke', 'pass'))).toBeUndefined();
    expect(stopAfter(suite('smoke', 'warn'))).toBeUndefined();
    expect(stopAfter(suite('load', 'fail'))).toBeUndefined();
  });

  it('a skipped suite carries its reason and no checks', () => {
    expect(skippedSuite('load', 'why', at)).toEqual({ suite: 'load', outcome: 'skip', startedAt: at.toISOString(), durationMs: 0, checks: [], reason: 'why' });
  });
});
