import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, HarnessError, UnreachableError } from '../../core/errors.ts';
import type { SuiteResultOf } from '../../core/result.ts';
import { PROJECT_ROOT, type SuiteContext, type SuiteRunner } from '../../core/suite.ts';
import { allowedOrThrow, toolMissingResult } from './preflight.ts';
import { createAnalysis, scheduleStartS } from './analyzer/analysis.ts';
import { readResults } from './analyzer/read-results.ts';
import { summarize } from './analyzer/summarize.ts';
import { compareWithBaseline } from './baseline/compare.ts';
import { readBaseline } from './baseline/baseline-file.ts';
import { parseCriterion, type Criterion } from './baseline/criteria.ts';
import { buildLoadResult } from './build-result.ts';
import { executeInstances } from './execute.ts';
import { inspectScenario } from './inspect.ts';
import { k6ErrorReason } from './k6/error-reason.ts';
import { mapK6Exit, worstExit } from './k6/exit-codes.ts';
import { locateK6 } from './k6/locate.ts';
import { k6EnvWithLogin, loadTargets } from './k6-env.ts';
import { loadShape } from './load-shape.ts';
import { readConfigFile, parseSettings } from './resolve-settings.ts';
import { requestsPerIteration } from './scenario-rules.ts';
import { holdPhase, measureDrift } from './soak/drift.ts';
import type { LoadOptions } from './settings.ts';
import { analyzeStress } from './stress/stress-analysis.ts';
import { formatStressTable } from './stress/stress-table.ts';
import { offeredSchedule, vuBudget } from './stress/schedule.ts';
import { combineThresholdResults, k6ThresholdResults, readSummaryExport } from './summary-export.ts';
import { evaluateThresholds } from './thresholds/evaluate.ts';
import { generateThresholds } from './thresholds/generate.ts';

/**
 * The load suite: validate settings and target, run k6 (N instances), stream the raw results into
 * the analyzer, judge thresholds, rate limiting, stress and baseline. Config problems throw (exit 2);
 * a missing k6 is an inconclusive result (exit 3); k6's verdicts become checks.
 */
export type RunLoadOptions = Omit<LoadOptions, 'scenario'> & {
  /** smoke-load | load | stress | spike | soak (validated with the other settings). */
  readonly scenario: string;
  /** A load settings file (YAML/JSON); the options given here win over it. */
  readonly config?: string | undefined;
};

const criterion = (text: string): Criterion => {
  const c = parseCriterion(text);
  if ('error' in c) throw new ConfigError(`tolerances: ${c.error}`);
  return c;
};

/**
 * Where one load run's files go: reports/<run-id>/load/<scenario>/, or <scenario>-2/ and on when a
 * run loads the same scenario again (a gate's soak and stress each keep their raw results).
 */
async function stepDir(root: string, scenario: string): Promise<string> {
  for (let n = 1; n <= 100; n += 1) {
    const dir = join(root, n === 1 ? scenario : `${scenario}-${n}`);
    if ((await mkdir(dir, { recursive: true })) !== undefined) return dir;
  }
  throw new HarnessError(`${root}: 100 ${scenario} runs in one report folder`, 70);
}

export const runLoad: SuiteRunner<RunLoadOptions, 'load'> = async (ctx: SuiteContext, options: RunLoadOptions): Promise<SuiteResultOf<'load'>> => {
  const started = ctx.now();
  const { config, ...rest } = options;
  const s = parseSettings(rest, config ? await readConfigFile(config, rest.scenario) : {});
  const shape = loadShape(ctx.resolved, s);
  const rules = shape.rules;
  for (const note of shape.notes) ctx.log(`load: ${note}`);
  const targets = loadTargets(ctx.resolved, shape);
  const allowed = [...new Set(targets.map((t) => allowedOrThrow(t, ctx.resolved, s.allowProduction, s.allowHosts)))].join(', ');
  const target = shape.journeys ? targets[0]! : `${shape.plan?.endpoints.length ?? 0} endpoints of ${shape.loaded.length} services`;
  const what = `${shape.scenario}${shape.journeys && shape.plan ? ' with the endpoints scenario beside it' : ''}`;
  ctx.log(`load: ${what} against ${shape.journeys ? target : `${target} (${targets.length} URLs)`} (${allowed})`);
  let binary: string;
  try {
    binary = locateK6(PROJECT_ROOT, ctx.env, s.k6);
  } catch (err) {
    if (err instanceof UnreachableError) return toolMissingResult(err, started, ctx.now());
    throw err;
  }
  const specs = generateThresholds(ctx.resolved, { entryService: shape.entry, loaded: shape.loaded, set: rules.thresholds, droppedIterationsMax: s.droppedIterationsMax });
  const dir = await stepDir(join(ctx.reportDir, 'load'), shape.scenario);
  const planFile = shape.plan ? join(dir, 'plan.json') : undefined;
  if (planFile) await writeFile(planFile, `${JSON.stringify(shape.plan, null, 2)}\n`);
  const env = k6EnvWithLogin(ctx.resolved, s, shape, specs, planFile ? { planFile } : {});
  const processEnv = { PATH: ctx.env['PATH'] ?? '', HOME: ctx.env['HOME'] ?? '' };
  const baseline = s.baseline ? { file: s.baseline, data: await readBaseline(s.baseline) } : undefined;
  const inspect = await inspectScenario(binary, rules.script, env, processEnv);

  const runs = await executeInstances({
    binary, script: rules.script, dir, instances: s.instances, format: s.format, env, testId: ctx.runId,
    prometheusRw: s.prometheusRw, signal: ctx.signal, log: ctx.log, processEnv,
  });
  const spawnError = runs.find((r) => r.exit.spawnError)?.exit.spawnError;
  if (spawnError) throw new UnreachableError(`cannot run k6 at ${binary}: ${spawnError}`);
  const meaning = worstExit(runs.map((r) => mapK6Exit(r.exit.code, r.exit.signal)));
  const reason = runs.map((r) => k6ErrorReason(r.exit.tail)).find(Boolean);
  if (meaning.kind === 'config') throw new ConfigError(`${rules.script}: ${meaning.meaning}${reason ? `: ${reason}` : ''}`);
  if (meaning.kind === 'internal') throw new HarnessError(`${meaning.meaning}${reason ? `: ${reason}` : ''}`, 70);

  const analysisStarted = performance.now();
  const analysis = createAnalysis();
  for (const r of runs) if (existsSync(r.rawFile)) await readResults(r.rawFile, analysis);
  const summary = summarize(analysis, shape.scenario, ctx.resolved.env);
  const analysisMs = performance.now() - analysisStarted;
  await writeFile(join(dir, 'summary.json'), `${JSON.stringify(summary)}\n`);

  // k6's own verdicts (exit 99) count too: with several instances, each judged its own segment.
  const k6Summaries = (await Promise.all(runs.map((r) => readSummaryExport(r.summaryFile)))).filter((x) => x !== undefined);
  const k6Thresholds = k6Summaries.length ? combineThresholdResults(k6Summaries.map(k6ThresholdResults)) : undefined;
  const entry = ctx.resolved.services.find((x) => x.service.id === shape.entry);
  const criteria = entry ? { maxErrorRate: entry.slos.errorRate, maxP95Ms: entry.slos.latencyP95Ms, maxDroppedFraction: entry.slos.errorRate, maxShortfall: s.shortfallMax } : undefined;
  const schedule = offeredSchedule(inspect, requestsPerIteration);
  // A run k6 cut short, or one that measured nothing, has no stress curve to read.
  const complete = ['ok', 'thresholds', 'failed'].includes(meaning.kind) && summary.overall.requests > 0;
  const stress = rules.stressAnalysis && complete && criteria ? analyzeStress(analysis, summary, schedule, criteria, s.sustainSeconds, vuBudget(inspect)) : undefined;
  if (stress) ctx.log(`load: stress table\n${formatStressTable(stress.table)}`);
  const hold = rules.driftAnalysis && complete ? holdPhase(schedule) : undefined;
  const drift = hold ? measureDrift(analysis, scheduleStartS(analysis), hold, {
    p95: criterion(s.drift.p95), errorRate: criterion(s.drift.errorRate), throughput: criterion(s.drift.throughput), minP95DeltaMs: s.drift.minP95DeltaMs,
  }) : undefined;
  if (drift) ctx.log(`load: drift, first third of the hold p95 ${drift.early.p95?.toFixed(0)} ms at ${drift.early.rps.toFixed(0)} req/s, last third p95 ${drift.late.p95?.toFixed(0)} ms at ${drift.late.rps.toFixed(0)} req/s${drift.problems.length ? `: ${drift.problems.join('; ')}` : ''}`);
  const tolerances = { p95: criterion(s.tolerances.p95), throughput: criterion(s.tolerances.throughput), errorRate: criterion(s.tolerances.errorRate), minP95DeltaMs: s.tolerances.minP95DeltaMs };
  return buildLoadResult({
    settings: s,
    entry: shape.entry,
    env: ctx.resolved.env,
    target,
    startedAt: started.toISOString(),
    durationMs: ctx.now().getTime() - started.getTime(),
    k6: { meaning, codes: runs.map((r) => r.exit.code), reason, binary },
    summary,
    analysisMs,
    thresholds: evaluateThresholds(specs, summary),
    k6Thresholds,
    stress,
    judgeBreakingPoint: rules.judgeBreakingPoint,
    drift: rules.driftAnalysis && complete ? { result: drift, holdSeconds: hold ? hold.to - hold.from : 0 } : undefined,
    baseline: baseline ? { file: baseline.file, comparison: compareWithBaseline(baseline.data, summary, tolerances, s.baselineMinRequests) } : undefined,
    endpoints: shape.plan ? { loaded: shape.loaded, endpoints: shape.plan.endpoints.length, leftOut: shape.plan.leftOut } : undefined,
    artifacts: { dir, rawResults: runs.map((r) => r.rawFile), k6Summaries: runs.map((r) => r.summaryFile), summary: join(dir, 'summary.json'), ...(planFile ? { plan: planFile } : {}) },
  });
};
