import { runSuitesCommand } from '../../../cli/run-suite.ts';
import { defaultBaselinePath } from '../baseline/baseline-file.ts';
import { runLoad } from '../run-load.ts';
import type { LoadOptions } from '../settings.ts';
import { numberFlag } from './flags.ts';

/** `load run <scenario>`: one load suite run as a CLI command (reports, exit code from the verdict). */
export interface RunFlags {
  env: string;
  rate?: string;
  duration?: string;
  ramp?: string;
  vus?: string;
  thinkScale?: string;
  instances?: string;
  prometheusRw?: string;
  allowProduction?: boolean;
  allowHost?: string[];
  baseline?: string | boolean;
  config?: string;
  expectedRps?: string;
  format?: string;
  k6?: string;
}

export async function runCommand(scenario: string, flags: RunFlags, catalog: string | undefined): Promise<void> {
  const baseline = flags.baseline === true ? defaultBaselinePath(flags.env, scenario) : flags.baseline || undefined;
  await runSuitesCommand({ command: `load run ${scenario}`, catalog, env: flags.env }, async (ctx, results) => {
    results.push(
      await runLoad(ctx, {
        scenario: scenario as LoadOptions['scenario'],
        rate: numberFlag(flags.rate, '--rate'),
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
  });
}
