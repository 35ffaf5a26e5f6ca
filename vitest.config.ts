import { defineConfig } from 'vitest/config';

/**
 * Projects, run one group after another:
 *  0. unit: pure tests beside the code (`*.test.ts`), fast, no processes. They share no state (no
 *     module mocks, stubs, fake timers or environment writes: test/architecture/unit-isolation.test.ts
 *     checks it), so they run in two threads without per-file isolation. Importing the modules again
 *     for each of ~150 files took most of the 66 s the project needed on a 2-core machine; now ~9 s.
 *  1. contracts: Pact consumer tests (`*.pact.test.ts`), in the forks pool as Pact's native core needs.
 *  2. integration-parallel: integration tests whose outcome does not hang on timing, two files at a
 *     time: CLI errors and usage, the bad-input corpus, contracts, Prometheus and promtool, Kubernetes
 *     manifests, reports, the stack's own behaviour (faults, breaker, rate limit), k6 refusals, and
 *     interrupts. Their assertions are about exit codes, messages, files and contract content, or
 *     bounds far above what a busy machine adds (a run stops within 10 s of a signal; a service that
 *     answers in a few ms stays under a 500 ms p95). (Vitest runs projects of one group with one
 *     worker count, so it cannot share a group with the one-at-a-time contracts project.)
 *  3. integration-paired: real processes judged against budgets with a wide margin (smoke budgets of
 *     1 s where a healthy answer takes milliseconds, k6 thresholds of 500 ms, SLOs), and faults that
 *     must be caught. Two files at a time, but only these files with each other: they leave most of
 *     the 2 cores idle (about 35% busy when they ran one at a time), unlike the CLI files above.
 *  4. integration: real processes measured against each other or against themselves (stress and its
 *     breaking point twice, a baseline and a regression from it, the nightly's two nights, soak
 *     drift with a 10 ms floor), one file at a time, with the 2 cores to themselves: a neighbour's
 *     start-up burst would be read as drift or regression.
 *  5. faults: the fault matrix (`test/faults/*.test.ts`), runnable alone with `--project faults`.
 */
const shared = { exclude: ['node_modules/**', '.tools/**', 'reports/[0-9]*/**', 'reports/latest/**'] };

/** Integration files that may share the machine with any other such file: see group 2 above. */
const PARALLEL = [
  'cli/**/*.int.test.ts',
  'contracts/**/*.int.test.ts',
  'gate/push-metrics.int.test.ts',
  'infra/**/*.int.test.ts',
  'load/run/cli.int.test.ts',
  'load/run/endpoints.int.test.ts',
  'load/run/k8s.int.test.ts',
  'load/run/prometheus-rw.int.test.ts',
  'load/run/rate-limit.int.test.ts',
  'reports/**/*.int.test.ts',
  'slo/cli-errors.int.test.ts',
  'slo/openslo/*.int.test.ts',
  'slo/rules/*.int.test.ts',
  'smoke/catalog-only.int.test.ts',
  'smoke/cli.int.test.ts',
  'smoke/infra.int.test.ts',
  'smoke/probes.int.test.ts',
  'stack/cli/*.int.test.ts',
  'stack/faults.int.test.ts',
  'stack/gateway.int.test.ts',
  'stack/nanopore.int.test.ts',
  'stack/stack.int.test.ts',
  'test/corpus/*.int.test.ts',
  'test/load-safety/*.int.test.ts',
  'test/secrets/*.int.test.ts',
  'test/signals/*.int.test.ts',
];

/** Integration files that may run beside one another, and only beside one another: see group 3 above. */
const PAIRED = [
  'gate/gate.int.test.ts',
  'load/run/run-load.int.test.ts',
  'slo/evaluate.int.test.ts',
  'smoke/stack.int.test.ts',
  'test/third-party/*.int.test.ts',
];

export default defineConfig({
  test: {
    reporters: ['default'],
    projects: [
      { test: { ...shared, name: 'unit', sequence: { groupOrder: 0 }, pool: 'threads', isolate: false, maxWorkers: 2, include: ['**/*.test.ts'], exclude: [...shared.exclude, '**/*.int.test.ts', '**/*.pact.test.ts', 'test/faults/**'] } },
      { test: { ...shared, name: 'contracts', sequence: { groupOrder: 1 }, include: ['contracts/**/*.pact.test.ts'], pool: 'forks', testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false } },
      { test: { ...shared, name: 'integration-parallel', sequence: { groupOrder: 2 }, include: PARALLEL, pool: 'forks', testTimeout: 180_000, hookTimeout: 180_000, maxWorkers: 2 } },
      { test: { ...shared, name: 'integration-paired', sequence: { groupOrder: 3 }, include: PAIRED, pool: 'forks', testTimeout: 120_000, hookTimeout: 120_000, maxWorkers: 2 } },
      { test: { ...shared, name: 'integration', sequence: { groupOrder: 4 }, include: ['**/*.int.test.ts'], exclude: [...shared.exclude, ...PARALLEL, ...PAIRED], pool: 'forks', testTimeout: 120_000, hookTimeout: 120_000, fileParallelism: false } },
      { test: { ...shared, name: 'faults', sequence: { groupOrder: 5 }, include: ['test/faults/**/*.test.ts'], pool: 'forks', testTimeout: 600_000, hookTimeout: 180_000, fileParallelism: false } },
    ],
  },
});
