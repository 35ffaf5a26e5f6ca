import { defineConfig } from 'vitest/config';

/**
 * Projects:
 *  - unit: pure tests beside the code (`*.test.ts`), fast, no processes.
 *  - integration: start real processes (reference stack, k6, Prometheus, promtool) (`*.int.test.ts`).
 *  - contracts: Pact consumer tests (`*.pact.test.ts`), in the forks pool as Pact's native core needs.
 *  - faults: the fault matrix (`test/faults/*.test.ts`), runnable alone with `--project faults`.
 * Projects run one group after another (unit, contracts, integration, faults) so that timing-
 * sensitive integration tests never share the 2 cores with another project.
 */
const shared = { exclude: ['node_modules/**', '.tools/**', 'reports/[0-9]*/**', 'reports/latest/**'] };

export default defineConfig({
  test: {
    reporters: ['default'],
    projects: [
      { test: { ...shared, name: 'unit', sequence: { groupOrder: 0 }, include: ['**/*.test.ts'], exclude: [...shared.exclude, '**/*.int.test.ts', '**/*.pact.test.ts', 'test/faults/**'] } },
      { test: { ...shared, name: 'integration', sequence: { groupOrder: 2 }, include: ['**/*.int.test.ts'], pool: 'forks', testTimeout: 120_000, hookTimeout: 120_000, fileParallelism: false } },
      { test: { ...shared, name: 'contracts', sequence: { groupOrder: 1 }, include: ['contracts/**/*.pact.test.ts'], pool: 'forks', testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false } },
      { test: { ...shared, name: 'faults', sequence: { groupOrder: 3 }, include: ['test/faults/**/*.test.ts'], pool: 'forks', testTimeout: 600_000, hookTimeout: 180_000, fileParallelism: false } },
    ],
  },
});
