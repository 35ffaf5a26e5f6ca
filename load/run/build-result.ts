import type { Check, SuiteResultOf } from '../../core/result.ts';
import { suiteOutcome } from '../../core/result.ts';
import type { LoadSummary } from './analyzer/summary-schema.ts';
import { baselineChecks } from './checks/baseline-checks.ts';
import { driftCheck } from './checks/drift-check.ts';
import { k6Check } from './checks/k6-check.ts';
import { rateLimitCheck } from './checks/rate-limit-check.ts';
import { stressChecks } from './checks/stress-checks.ts';
import { thresholdChecks } from './checks/threshold-checks.ts';
import type { Comparison, Drift, EndpointsScenario, LoadArtifacts, LoadData } from './data.ts';
import type { K6ExitMeaning } from './k6/exit-codes.ts';
import type { LoadSettings } from './settings.ts';
import { formatStressTable } from './stress/stress-table.ts';
import type { StressResult } from './stress/stress-analysis.ts';
import type { ThresholdResult } from './thresholds/evaluate.ts';
import { thresholdExpression, thresholdKey } from './thresholds/spec.ts';

/** Assembles the load SuiteResult: every check, and the data the reports draw (series, stress curve and table). */
export interface RunFacts {
  readonly settings: LoadSettings;
  /** The service the journeys enter through (whose rate limit a 429 is), when they ran. */
  readonly entry?: string | undefined;
  readonly env: string;
  readonly target: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly k6: { readonly meaning: K6ExitMeaning; readonly codes: (number | null)[]; readonly reason: string | undefined; readonly binary: string };
  readonly summary: LoadSummary;
  readonly analysisMs: number;
  readonly thresholds: readonly ThresholdResult[];
  readonly k6Thresholds: Map<string, Map<string, boolean>> | undefined;
  readonly stress: StressResult | undefined;
  readonly judgeBreakingPoint: boolean;
  /** Soak only: the drift comparison (undefined result: the hold was too short). */
  readonly drift: { readonly result: Drift | undefined; readonly holdSeconds: number } | undefined;
  readonly baseline: { readonly file: string; readonly comparison: Comparison } | undefined;
  /** The endpoints scenario, when it ran: the services loaded in all, its endpoint count, what it left out and why. */
  readonly endpoints?: EndpointsScenario | undefined;
  readonly artifacts: LoadArtifacts;
}

function dataCheck(summary: LoadSummary): Check {
  const n = summary.overall.requests;
  const base = { id: 'load/data', name: 'k6 measured requests', durationMs: 0, detail: { requests: n, malformedLines: summary.malformedLines } };
  if (n === 0) return { ...base, outcome: 'inconclusive', failure: { kind: 'no-data', message: 'k6 recorded no request: nothing was measured, so nothing passed' } };
  if (summary.malformedLines === 0) return { ...base, outcome: 'pass' };
  return {
    ...base,
    outcome: 'warn',
    failure: { kind: 'no-data', message: `${summary.malformedLines} unreadable line(s) in k6's raw results were skipped, first: ${summary.firstMalformed ?? 'unknown'}` },
  };
}

export function buildLoadResult(f: RunFacts): SuiteResultOf<'load'> {
  const s = f.settings;
  const measured = f.summary.overall.requests > 0;
  // A run k6 cut short (setup aborted, timeout, interrupt) is not judged on thresholds, stress or
  // baseline: its figures cover part of a test. The rate-limit check still says what was measured.
  const ranToEnd = ['ok', 'thresholds', 'failed'].includes(f.k6.meaning.kind);
  const checks: Check[] = [
    k6Check(f.k6.meaning, f.k6.codes, f.k6.reason),
    dataCheck(f.summary),
    ...(measured ? [rateLimitCheck(f.summary.overall, s.rateLimitedMostly, f.entry)] : []),
    ...(ranToEnd ? thresholdChecks(f.thresholds, f.k6Thresholds) : []),
    ...(ranToEnd && measured && f.stress ? stressChecks(f.stress.table, s.expectedRps, f.judgeBreakingPoint) : []),
    ...(ranToEnd && measured && f.drift ? [driftCheck(f.drift.result, f.drift.holdSeconds)] : []),
    ...(ranToEnd && f.baseline ? baselineChecks(f.baseline.comparison, f.baseline.file) : []),
  ];
  const data: LoadData = {
    target: f.target,
    instances: s.instances,
    k6: { binary: f.k6.binary, exitCodes: f.k6.codes, meaning: f.k6.meaning.meaning },
    ...f.summary,
    analysisMs: f.analysisMs,
    thresholds: f.thresholds.map((t) => ({ key: thresholdKey(t.spec), expression: thresholdExpression(t.spec), observed: t.observed, verdict: t.verdict, source: t.spec.source })),
    ...(f.stress ? { stress: { table: f.stress.table, text: formatStressTable(f.stress.table), curve: f.stress.curve } } : {}),
    ...(f.drift?.result ? { drift: f.drift.result } : {}),
    ...(f.baseline ? { baseline: { file: f.baseline.file, ...f.baseline.comparison } } : {}),
    ...(f.endpoints ? { endpointsScenario: f.endpoints } : {}),
    artifacts: f.artifacts,
  };
  return { suite: 'load', outcome: suiteOutcome(checks), startedAt: f.startedAt, durationMs: f.durationMs, checks, data };
}
