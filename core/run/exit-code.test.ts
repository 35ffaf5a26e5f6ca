import { describe, expect, it } from 'vitest';
import type { Outcome, SuiteResult } from '../result.ts';
import { exitCodeFor, runVerdict } from './exit-code.ts';

const suite = (outcome: Outcome): SuiteResult => ({ suite: 'smoke', outcome, startedAt: '2026-01-01T00:00:00.000Z', durationMs: 10, checks: [] });

describe('the run verdict', () => {
  it.each<[string, Outcome[], boolean, Outcome]>([
    ['all passing suites pass', ['pass', 'pass'], false, 'pass'],
    ['skipped suites do not count against a pass', ['pass', 'skip', 'skip'], false, 'pass'],
    ['only skipped suites are inconclusive, never a pass', ['skip', 'skip'], false, 'inconclusive'],
    ['no suite at all is inconclusive, never a pass', [], false, 'inconclusive'],
    ['one failure fails the gate even beside skips', ['fail', 'skip', 'pass'], false, 'fail'],
    ['an inconclusive suite makes the gate inconclusive', ['pass', 'inconclusive'], false, 'inconclusive'],
    ['a failure beats inconclusive', ['inconclusive', 'fail'], false, 'fail'],
    ['a warning passes with a flag', ['pass', 'warn'], false, 'warn'],
    ['a warning fails a release', ['pass', 'warn', 'skip'], true, 'fail'],
  ])('%s', (_name, outcomes, warningsFail, expected) => {
    expect(runVerdict(outcomes.map(suite), warningsFail)).toBe(expected);
  });
});

describe('the exit code: interrupted, then internal, then config, then failed, then unreachable', () => {
  it.each<[string, Outcome | undefined, number[], NodeJS.Signals | undefined, number]>([
    ['pass is 0', 'pass', [], undefined, 0],
    ['warn is 0', 'warn', [], undefined, 0],
    ['fail is 1', 'fail', [], undefined, 1],
    ['inconclusive is 3', 'inconclusive', [3], undefined, 3],
    ['inconclusive alone is 3', 'inconclusive', [], undefined, 3],
    ['a verdict of skip is never a pass', 'skip', [], undefined, 3],
    ['a suite with bad configuration is 2 even when another failed', 'fail', [2], undefined, 2],
    ['a harness bug is 70', 'inconclusive', [70, 2], undefined, 70],
    ['a failure beats an unreachable gateway', 'fail', [3], undefined, 1],
    ['an error turns a pass into its code', 'pass', [3], undefined, 3],
    ['SIGINT is 130 whatever the verdict', 'fail', [70], 'SIGINT', 130],
    ['SIGTERM is 143', 'pass', [], 'SIGTERM', 143],
    ['a command that threw an interrupt keeps its code', undefined, [143], undefined, 143],
    ['a command that only threw gets its code', undefined, [2], undefined, 2],
    ['a code outside the table is internal, never a pass', undefined, [42], undefined, 70],
    ['nothing wrong is 0', undefined, [], undefined, 0],
  ])('%s', (_name, verdict, errors, signal, expected) => {
    expect(exitCodeFor({ verdict, errors, signal })).toBe(expected);
  });
});
