import { describe, expect, it } from 'vitest';
import type { Check, FailureKind, Outcome, SuiteResult } from '../core/result.ts';
import { skippedSuite, stopAfter } from './verdict.ts';

const at = new Date('2026-01-01T00:00:00Z');
const suite = (name: SuiteResult['suite'], outcome: Outcome, services: string[] = []): SuiteResult => ({
  suite: name,
  outcome,
  startedAt: at.toISOString(),
  durationMs: 10,
  checks: services.map((service, i) => ({ id: `c${i}`, name: 'health', service, outcome, durationMs: 1 })),
});

const failed = (service: string, kind: FailureKind, name = 'health', detail?: Check['detail']): Check => ({
  id: `${service}.${name}`, name, service, outcome: 'fail', durationMs: 1, failure: { kind, message: kind }, ...(detail ? { detail } : {}),
});
const smokeWith = (checks: Check[]): SuiteResult => ({ ...suite('smoke', 'fail'), checks });

describe('stopping after smoke', () => {
  it('a failed smoke skips load and SLO and names the failing services', () => {
    const stop = stopAfter(suite('smoke', 'fail', ['sample-service', 'event-service']));
    expect(stop?.skip).toEqual(['load', 'slo']);
    expect(stop?.reason).toBe('smoke failed: sample-service, event-service unhealthy: no point loading a dead system');
  });

  it('states the class of each failing service: unreachable (nothing answered) or unhealthy (answered wrongly)', () => {
    const stop = stopAfter(smokeWith([failed('sample-service', 'connection-refused'), failed('event-service', 'dependency-down', 'health-detailed'), failed('sample-service', 'slow', 'metrics')]));
    expect(stop?.reason).toBe('smoke failed: sample-service unreachable; event-service unhealthy: no point loading a dead system');
  });

  it('a smoke that failed only because services were slow does not stop load and SLO: they measure slowness', () => {
    expect(stopAfter(smokeWith([failed('api-gateway', 'slow', 'health-detailed'), failed('sample-service', 'slow', 'endpoint:list-samples')]))).toBeUndefined();
  });

  it('slow beside a dead service still stops, naming only the dead one', () => {
    expect(stopAfter(smokeWith([failed('api-gateway', 'slow'), failed('postgres', 'timeout', 'postgres:select-1')]))?.reason).toBe('smoke failed: postgres unreachable: no point loading a dead system');
  });

  it('a service with one dead replica out of three is unhealthy, not unreachable: the others answered', () => {
    const replicas = { replicas: { healthy: 2, answered: 2, total: 3 } };
    expect(stopAfter(smokeWith([failed('sample-service', 'connection-refused', 'health', replicas)]))?.reason).toBe('smoke failed: sample-service unhealthy: no point loading a dead system');
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
