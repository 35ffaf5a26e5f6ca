import type { Command } from 'commander';
import type { Cli } from '../cli-context.ts';
import { LoadAnalyzeFlags, LoadBaselinePromoteFlags, LoadBaselineResetFlags, LoadBaselineShowFlags, LoadK8sFlags, LoadPlanFlags, LoadRunFlags, LoadThresholdsFlags } from '../flags/load-flags.ts';
import { parseFlags, withDefault } from '../flags/parse-flags.ts';

/** `load run | baseline list|show|promote|reset | k8s | plan | thresholds | analyze`: the load suite (k6). Heavy modules load lazily. */
export function register(program: Command, cli: Cli): void {
  const load = program.command('load').description('load, stress, spike and soak tests with k6: SLO thresholds, breaking point, baseline regression');
  const scenarios = 'smoke-load | load | stress | spike | soak | endpoints';
  const collect = (v: string, p: string[] | undefined) => [...(p ?? []), v];

  load
    .command('run <scenario>')
    .description(`run a scenario (${scenarios}); exit 0 pass, 1 threshold/regression/stress failed, 2 bad settings or k6 config, 3 k6 missing, target down or only rate-limited`)
    .option('--env <env>', withDefault('catalog environment', LoadRunFlags, 'env'))
    .option('--rate <rps>', 'requests per second: hold (load, soak, endpoints), ceiling (stress), peak (spike)')
    .option('--endpoints', "also run the every-service endpoints scenario beside the journeys (load, soak), in the same k6 test")
    .option('--endpoints-rate <rps>', 'requests per second of the endpoints scenario (beside the journeys a tenth of --rate unless given)')
    .option('--duration <d>', 'hold (load), whole test (smoke-load, soak), climb (stress), peak (spike)')
    .option('--ramp <d>', 'ramp-up time')
    .option('--vus <n>', 'most VUs the scenario may use')
    .option('--think-scale <x>', 'multiply think times (0 = none)')
    .option('--instances <n>', 'k6 processes on this machine (execution segments), results merged')
    .option('--prometheus-rw <url>', "send k6's metrics to Prometheus by remote write (e.g. http://127.0.0.1:9090/api/v1/write)")
    .option('--allow-production', 'allow load on a production environment')
    .option('--allow-host <host>', 'allow load on this host although no catalog environment lists it (repeatable)', collect)
    .option('--baseline [file]', 'compare with a baseline (alone: load/baselines/external/<env>/<scenario>.json)')
    .option('--config <file>', 'load settings file (YAML/JSON: tolerances, expectedRps, ...)')
    .option('--expected-rps <rps>', 'the load the system must hold (stress fails below it)')
    .option('--format <json|csv>', "k6's raw output format")
    .option('--k6 <path>', 'k6 binary ($K6_BINARY, .tools/bin/k6 or PATH unless given)')
    .action(async (scenario: string, raw: unknown) => {
      const flags = parseFlags(LoadRunFlags, raw);
      const { runCommand } = await import('../../load/run/cli/run-command.ts');
      cli.finished((await runCommand(scenario, flags, cli.catalog(), cli.io)).exitCode);
    });

  const baseline = load
    .command('baseline')
    .description('load baselines, one per target, environment and scenario (load/baselines/<target>/<env>/<scenario>.json, or $TRACSEQ_BASELINES_DIR)');
  baseline
    .command('list')
    .description('every stored baseline: key (<target>/<env>/<scenario>), when, from which run')
    .action(async () => {
      const { listCommand } = await import('../../load/run/cli/baseline/list-command.ts');
      await listCommand(cli.io.env, cli.io.out);
    });
  baseline
    .command('show <key>')
    .description('one baseline\'s per-endpoint figures (<key>: <target>/<env>/<scenario>, e.g. local/local/soak)')
    .option('--json', 'print the baseline file')
    .action(async (key: string, raw: unknown) => {
      const flags = parseFlags(LoadBaselineShowFlags, raw);
      const { showCommand } = await import('../../load/run/cli/baseline/show-command.ts');
      await showCommand(key, flags, cli.io.env, cli.io.out);
    });
  baseline
    .command('promote <run>')
    .alias('save')
    .description("make a run's load steps the baselines (<run>: run id, run dir or report.json); a step that failed an absolute check is refused")
    .option('--scenario <name>', 'only this load step of the run')
    .option('--out <file>', 'write this file instead of the store (one scenario only)')
    .action(async (run: string, raw: unknown) => {
      const flags = parseFlags(LoadBaselinePromoteFlags, raw);
      const { promoteCommand } = await import('../../load/run/cli/baseline/promote-command.ts');
      await promoteCommand(run, flags, cli.io.env, cli.io.out);
    });
  baseline
    .command('reset [key]')
    .description('remove a baseline (<target>/<env>/<scenario>) or --all; the next run with --baseline-policy auto establishes a new one')
    .option('--all', 'remove every stored baseline')
    .action(async (key: string | undefined, raw: unknown) => {
      const flags = parseFlags(LoadBaselineResetFlags, raw);
      const { resetCommand } = await import('../../load/run/cli/baseline/reset-command.ts');
      await resetCommand(key, flags, cli.io.env, cli.io.out);
    });

  load
    .command('k8s <scenario>')
    .description('write a k6-operator TestRun + ConfigMap (k6 archive) + Secret (login credentials) for a distributed run')
    .option('--env <env>', withDefault('catalog environment', LoadK8sFlags, 'env'))
    .option('--instances <n>', withDefault('k6 runners (TestRun parallelism)', LoadK8sFlags, 'instances'))
    .option('--out <file>', 'manifest file (stdout unless given)')
    .option('--image <image>', withDefault('k6 runner image', LoadK8sFlags, 'image'))
    .option('--namespace <ns>', 'namespace')
    .option('--name <name>', 'TestRun/ConfigMap name (tracseq-<scenario>-<env> unless given)')
    .option('--prometheus-rw <url>', 'remote-write URL the runners push to')
    .option('--secret <name>', 'an existing Secret with the credentials (LOGIN_EMAIL, LOGIN_PASSWORD, ...); none is written')
    .option('--rate <rps>', 'rate override')
    .option('--endpoints', 'with the endpoints scenario beside the journeys (load, soak)')
    .option('--endpoints-rate <rps>', 'requests per second of the endpoints scenario')
    .option('--duration <d>', 'duration override')
    .option('--ramp <d>', 'ramp override')
    .option('--vus <n>', 'VUs override')
    .option('--allow-production', 'allow a production environment')
    .option('--k6 <path>', 'k6 binary used to build the archive')
    .action(async (scenario: string, raw: unknown) => {
      const flags = parseFlags(LoadK8sFlags, raw);
      const { k8sCommand } = await import('../../load/run/cli/k8s-command.ts');
      await k8sCommand(scenario, flags, cli.catalog());
    });

  load
    .command('plan')
    .description('print the endpoints scenario plan (JSON) for k6 run load/endpoints.ts --env PLAN_FILE=...; the login secrets stay out of it')
    .option('--env <env>', withDefault('catalog environment', LoadPlanFlags, 'env'))
    .action(async (raw: unknown) => {
      const flags = parseFlags(LoadPlanFlags, raw);
      const { planCommand } = await import('../../load/run/cli/plan-command.ts');
      planCommand(flags, cli.catalog());
    });

  load
    .command('thresholds')
    .description('print the k6 thresholds generated from the catalog SLOs (for k6 run --env THRESHOLDS=...)')
    .option('--env <env>', withDefault('catalog environment', LoadThresholdsFlags, 'env'))
    .option('--scenario <name>', withDefault('scenario whose threshold set to print', LoadThresholdsFlags, 'scenario'))
    .option('--endpoints', 'with the endpoints scenario beside it (load, soak)')
    .action(async (raw: unknown) => {
      const flags = parseFlags(LoadThresholdsFlags, raw);
      const { thresholdsCommand } = await import('../../load/run/cli/thresholds-command.ts');
      thresholdsCommand(flags, cli.catalog());
    });

  load
    .command('analyze <files...>')
    .description('analyze k6 raw results (JSON/CSV, .gz) from one or more instances; percentiles from merged histograms')
    .option('--scenario <name>', withDefault('label', LoadAnalyzeFlags, 'scenario'))
    .option('--env <env>', withDefault('label', LoadAnalyzeFlags, 'env'))
    .option('--series', 'include the per-second series')
    .action(async (files: string[], raw: unknown) => {
      const flags = parseFlags(LoadAnalyzeFlags, raw);
      const { analyzeCommand } = await import('../../load/run/cli/analyze-command.ts');
      await analyzeCommand(files, flags);
    });
}
