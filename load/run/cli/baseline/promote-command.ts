import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, UsageError } from '../../../../core/errors.ts';
import { readJson } from '../../../../core/read-file.ts';
import { RunReport, suiteData, suitesOf } from '../../../../core/result.ts';
import { reportsRoot } from '../../../../core/suite.ts';
import { targetName } from '../../../../core/target.ts';
import { baselineFromSummary, writeBaseline } from '../../baseline/baseline-file.ts';
import { failedAbsoluteChecks, passedAbsoluteChecks } from '../../baseline/policy.ts';
import { baselinePath, baselinesDir, keyText } from '../../baseline/store.ts';

/**
 * `load baseline promote <run>` (alias `save`): a run's load steps become the baselines later runs
 * compare with, one per target, environment and scenario. <run> is a run id (reports/<run-id>), a
 * run directory or its report.json. A step that failed an absolute check is refused: a failing run
 * is no yardstick.
 */
export async function reportFileFor(run: string, env: NodeJS.ProcessEnv): Promise<string> {
  for (const candidate of [run, join(reportsRoot(env), run)]) {
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isFile()) return candidate;
    if (info?.isDirectory()) return join(candidate, 'report.json');
  }
  throw new ConfigError(`no run "${run}": give a run id under ${reportsRoot(env)}, a run directory or its report.json`);
}

export interface PromoteFlags {
  readonly scenario?: string | undefined;
  /** Write here instead of the store (one scenario only). */
  readonly out?: string | undefined;
}

export async function promoteCommand(run: string, flags: PromoteFlags, env: NodeJS.ProcessEnv, out: (text: string) => void): Promise<void> {
  const file = await reportFileFor(run, env);
  const report = await readJson(file, RunReport, 'run report', 'was this a tracseq-validate run?');
  const steps = suitesOf(report, 'load').filter((s) => s.data !== undefined && (!flags.scenario || s.data.scenario === flags.scenario));
  if (steps.length === 0) {
    throw new ConfigError(`${file}: run ${report.runId} has no load step${flags.scenario ? ` of scenario ${flags.scenario}` : ''} with figures to promote`);
  }
  if (flags.out && steps.length > 1) throw new UsageError(`--out: run ${report.runId} has ${steps.length} load steps; name one with --scenario`);
  // Every step is checked before any is written: a refused run leaves the store as it was.
  const promoted = steps.map((step) => {
    const data = suiteData(step)!;
    if (!passedAbsoluteChecks(step)) {
      const failed = failedAbsoluteChecks(step);
      throw new ConfigError(`run ${report.runId}: the ${data.scenario} step ${failed.length > 0 ? `failed its absolute checks (${failed.join('; ')})` : 'made no absolute check'}: not promoted`);
    }
    if (data.overall.requests === 0 || data.endpoints.length === 0) throw new ConfigError(`run ${report.runId}: the ${data.scenario} step measured no request; it cannot be a baseline`);
    return data;
  });
  for (const data of promoted) {
    const key = { target: targetName(report.target), env: report.env, scenario: data.scenario };
    const path = flags.out ?? baselinePath(baselinesDir(env), key);
    await writeBaseline(path, baselineFromSummary(data, report.runId, new Date(), key.target));
    out(`baseline ${keyText(key)} (${data.endpoints.length} endpoints) from run ${report.runId} written to ${path}\n`);
  }
}
