import type { Command } from 'commander';

/** `load run | baseline save | k8s | thresholds | analyze`: the load suite (k6). Heavy modules load lazily. */
export function register(program: Command): void {
  const load = program.command('load').description('load, stress, spike and soak tests with k6: SLO thresholds, breaking point, baseline regression');
  const catalog = () => program.opts<{ catalog?: string }>().catalog;
  const scenarios = 'smoke-load | load | stress | spike | soak';

  load
    .command('run <scenario>')
    .description(`run a scenario (${scenarios}); exit 0 pass, 1 threshold/regression/stress failed, 2 bad settings or k6 config, 3 k6 missing, target down or only rate-limited`)
    .option('--env <env>', 'catalog environment', 'local')
    .option('--rate <rps>', 'requests per second: hold (load, soak), ceiling (stress), peak (spike)')
    .option('--duration <d>', 'hold (load), whole test (smoke-load, soak), climb (stress), peak (spike)')
    .option('--ramp <d>', 'ramp-up time')
    .option('--vus <n>', 'most VUs the scenario may use')
    .option('--think-scale <x>', 'multiply think times (0 = none)')
    .option('--instances <n>', 'k6 processes on this machine (execution segments), results merged')
    .option('--prometheus-rw <url>', "send k6's metrics to Prometheus by remote write (e.g. http://127.0.0.1:9090/api/v1/write)")
    .option('--allow-production', 'allow load on a production environment')
    .option('--allow-host <host>', 'allow load on this host although no catalog environment lists it (repeatable)', (v: string, p: string[] = []) => [...p, v])
    .option('--baseline [file]', 'compare with a baseline (default load/baselines/<env>/<scenario>.json)')
    .option('--config <file>', 'load settings file (YAML/JSON: tolerances, expectedRps, ...)')
    .option('--expected-rps <rps>', 'the load the system must hold (stress fails below it)')
    .option('--format <json|csv>', "k6's raw output format")
    .option('--k6 <path>', 'k6 binary (default $K6_BINARY, .tools/bin/k6, PATH)')
    .action(async (scenario: string, flags) => {
      const { runCommand } = await import('../../load/run/cli/run-command.ts');
      await runCommand(scenario, flags, catalog());
    });

  load
    .command('baseline')
    .description('manage load baselines')
    .command('save <run>')
    .description("store a run's per-endpoint p50/p95/p99, error rate and throughput (<run>: run id, run dir or summary.json)")
    .option('--out <file>', 'baseline file (default load/baselines/<env>/<scenario>.json)')
    .action(async (run: string, flags: { out?: string }) => {
      const { baselineSaveCommand } = await import('../../load/run/cli/baseline-command.ts');
      await baselineSaveCommand(run, flags);
    });

  load
    .command('k8s <scenario>')
    .description('write a k6-operator TestRun + ConfigMap (k6 archive) for a distributed run')
    .option('--env <env>', 'catalog environment', 'staging')
    .option('--instances <n>', 'k6 runners (TestRun parallelism)', '2')
    .option('--out <file>', 'manifest file (default stdout)')
    .option('--image <image>', 'k6 runner image', 'grafana/k6:2.2.0')
    .option('--namespace <ns>', 'namespace')
    .option('--name <name>', 'TestRun/ConfigMap name (default tracseq-<scenario>-<env>)')
    .option('--prometheus-rw <url>', 'remote-write URL the runners push to')
    .option('--rate <rps>', 'rate override')
    .option('--duration <d>', 'duration override')
    .option('--ramp <d>', 'ramp override')
    .option('--vus <n>', 'VUs override')
    .option('--allow-production', 'allow a production environment')
    .option('--k6 <path>', 'k6 binary used to build the archive')
    .action(async (scenario: string, flags) => {
      const { k8sCommand } = await import('../../load/run/cli/k8s-command.ts');
      await k8sCommand(scenario, flags, catalog());
    });

  load
    .command('thresholds')
    .description('print the k6 thresholds generated from the catalog SLOs (for k6 run --env THRESHOLDS=...)')
    .option('--env <env>', 'catalog environment', 'local')
    .option('--scenario <name>', 'scenario whose threshold set to print', 'load')
    .action(async (flags: { env: string; scenario: string }) => {
      const { thresholdsCommand } = await import('../../load/run/cli/thresholds-command.ts');
      thresholdsCommand(flags, catalog());
    });

  load
    .command('analyze <files...>')
    .description("analyze k6 raw results (JSON/CSV, .gz) from one or more instances; percentiles from merged histograms")
    .option('--scenario <name>', 'label', 'load')
    .option('--env <env>', 'label', 'local')
    .option('--series', 'include the per-second series')
    .action(async (files: string[], flags: { scenario: string; env: string; series?: boolean }) => {
      const { analyzeCommand } = await import('../../load/run/cli/analyze-command.ts');
      await analyzeCommand(files, flags);
    });
}
