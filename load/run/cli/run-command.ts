import type { RunReport } from '../../../core/result.ts';
import type { RunIo } from '../../../core/run/io.ts';
import { runSuiteCommand } from '../../../core/run/suite-command.ts';
import { targetName } from '../../../core/target.ts';
import { baselinePath, baselinesDir } from '../baseline/store.ts';
import { runLoad } from '../run-load.ts';
import type { LoadOptions } from '../settings.ts';
import { numberFlag } from './flags.ts';

/** `load run <scenario>`: one load suite run as a CLI command, through the run driver (reports, exit code from the verdict). */
export interface RunFlags {
  env: string;
  rate?: string | undefined;
  endpoints?: boolean | undefined;
  endpointsRate?: string | undefined;
  duration?: string | undefined;
  ramp?: string | undefined;
  vus?: string | undefined;
  thinkScale?: string | undefined;
  instances?: string | undefined;
  prometheusRw?: string | undefined;
  allowProduction?: boolean | undefined;
  allowHost?: string[] | undefined;
  baseline?: string | boolean | undefined;
  config?: string | undefined;
  expectedRps?: string | undefined;
  format?: string | undefined;
  k6?: string | undefined;
}

export async function runCommand(scenario: string, flags: RunFlags, catalog: string | undefined, io: RunIo): Promise<RunReport> {
  // `--baseline` alone: the store's baseline for this scenario on an external target (`load run` starts no target).
  const baseline = flags.baseline === true ? baselinePath(baselinesDir(io.env), { target: targetName(undefined), env: flags.env, scenario }) : flags.baseline || undefined;
  return runSuiteCommand(io, { command: `load run ${scenario}`, suite: 'load', catalog, env: flags.env }, (ctx) =>
    runLoad(ctx, {
      scenario: scenario as LoadOptions['scenario'],
      rate: numberFlag(flags.rate, '--rate'),
      endpoints: flags.endpoints,
      endpointsRate: numberFlag(flags.endpointsRate, '--endpoints-rate'),
      duration: flags.duration,
      ramp: flags.ramp,
      vus: numberFlag(flags.vus, '--vus'),
      thinkScale: numberFlag(flags.thinkScale, '--think-scale'),
      instances: numberFlag(flags.instances, '--instances'),
      prometheusRw: flags.prometheusRw,
      allowProduction: flags.allowProduction,
      allowHosts: flags.allowHost,
      baseline,
      config: flags.config,
      expectedRps: numberFlag(flags.expectedRps, '--expected-rps'),
      format: flags.format as LoadOptions['format'],
      k6: flags.k6,
    }),
  );
}
