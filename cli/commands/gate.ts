import type { Command } from 'commander';
import { GateOptionsSchema } from '../../gate/gate-options.ts';
import type { Cli } from '../cli-context.ts';
import { withDefault } from '../flags/parse-flags.ts';

interface GateFlags {
  env: string;
  target?: string;
  profile?: string;
  suites?: string;
  fault?: string[];
  pushMetrics?: string;
  prometheus?: string;
  prometheusRw?: string;
  baseline?: string;
  baselinePolicy?: string;
  loadDuration?: string;
  pacts?: string;
  loadScenario?: string;
  loadConfig?: string;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

export function register(program: Command, cli: Cli): void {
  program
    .command('gate')
    .description('runs smoke -> contracts -> load -> slo as one gate and prints one verdict (exit 0 pass, 1 failed, 2 config/usage, 3 unreachable/no data, 70 internal, 130/143 interrupted)')
    .requiredOption('--env <env>', 'catalog environment (<ID>_URL env vars override its URLs)')
    .option('--target <target>', '"local": start the reference stack and a Prometheus for the run, stop them after')
    .option('--profile <name>', withDefault('pr | deploy | nightly | release (gate/profiles.yaml)', GateOptionsSchema, 'profile'))
    .option('--suites <list>', 'only these suites of the profile, e.g. smoke,contracts')
    .option('--fault <spec>', 'with --target local: a fault for the stack, e.g. sample-service:latency=600ms (repeatable)', collect)
    .option('--push-metrics <url>', 'push tracseq_validation_* metrics to this Prometheus Pushgateway')
    .option('--prometheus <url>', 'Prometheus API for the SLO suite when the target is not local (or $PROMETHEUS_URL)')
    .option('--prometheus-rw <url>', 'remote-write URL for k6 when the target is not local')
    .option('--load-duration <duration>', "override every load step's duration, e.g. 20s for a quicker deploy gate")
    .option('--baseline <file>', 'baseline file for the load steps that compare with one (default: load/baselines/<target>/<env>/<scenario>.json)')
    .option('--baseline-policy <policy>', "with no baseline: auto (a passing run becomes it), require (inconclusive, exit 3) or off (never compare); default: the profile's")
    .option('--load-scenario <name>', "run this scenario for every load step instead of the profile's, e.g. smoke-load for a short sanity load")
    .option('--load-config <file>', 'load settings file (YAML/JSON: rate, ramp, vus, tolerances, ...) for every load step')
    .option('--pacts <dir>', 'verify the pacts already in DIR instead of regenerating them with the consumer tests')
    .action(async (flags: GateFlags) => {
      const { parseGateOptions } = await import('../../gate/gate-options.ts');
      const { runGate } = await import('../../gate/run-gate.ts');
      const { fault, ...rest } = flags;
      const catalog = cli.catalog();
      const options = parseGateOptions({ ...rest, ...(fault ? { faults: fault } : {}), ...(catalog !== undefined ? { catalog } : {}) });
      const report = await runGate(options, cli.io);
      cli.finished(report.exitCode);
    });
}
