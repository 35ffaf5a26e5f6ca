import { describe, expect, it } from 'vitest';
import type { Outcome, SuiteResult } from '../core/result.ts';
import { gateExitCode, gateVerdict, skippedSuite, stopAfter } from './verdict.ts';

const at = new Date('2026-01-01T00:00:00Z');
const suite = (name: SuiteResult['suite'], outcome: Outcome, services: string[] = []): SuiteResult => ({
  suite: name,
  outcome,
  startedAt: at.toISOString(),
  durationMs: 10,
  checks: services.map((service, i) => ({ id: `c${i}`, name: 'health', service, outcome, durationMs: 1 })),
});

describe('gate verdict', () => {
  it.each<[string, Outcome[], boolean, Outcome]>([
    ['all passing suites pass', ['pass', 'pass'], false, 'pass'],
    ['skipped suites do not count against a pass', ['pass', 'skip', 'skip'], false, 'pass'],
    ['only skipped suites are inconclusive, never a pass', ['skip', 'skip'], false, 'inconclusive'],
    ['one failure fails the gate even beside skips', ['fail', 'skip', 'pass'], false, 'fail'],
    ['an inconclusive suite makes the gate inconclusive', ['pass', 'inconclusive'], false, 'inconclusive'],
    ['a failure beats inconclusive', ['inconclusive', 'fail'], false, 'fail'],
    ['a warning passes with a flag', ['pass', 'warn'], false, 'warn'],
    ['a warning fails a release', ['pass', 'warn', 'skip'], true, 'fail'],
  ])('%s', (_name, outcomes, warningsFail, expected) => {
    expect(gateVerdict(outcomes.map((o) => suite('smoke', o)), warningsFail)).toBe(expected);
  });
});

describe('gate exit code', () => {
  it.each<[string, Outcome, number[], NodeJS.Signals | undefined, number]>([
    ['pass is 0', 'pass', [], undefined, 0],
    ['warn is 0', 'warn', [], undefined, 0],
    ['fail is 1', 'fail', [], undefined, 1],
    ['inconclusive is 3', 'inconclusive', [3], undefined, 3],
    ['a suite with bad configuration is 2 even when another failed', 'fail', [2], undefined, 2],
    ['a harness bug is 70', 'inconclusive', [70, 2], undefined, 70],
    ['SIGINT is 130 whatever the verdict', 'fail', [], 'SIGINT', 130],
    ['SIGTERM is 143', 'pass', [], 'SIGTERM', 143],
  ])('%s', (_name, verdict, codes, signal, expected) => {
    expect(gateExitCode(verdict, codes, signal)).toBe(expected);
  });
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
