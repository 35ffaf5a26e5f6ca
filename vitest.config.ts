import { defineConfig } from 'vitest/config';

/**
 * Projects:
 *  - unit: pure tests beside the code (`*.test.ts`), fast, no processes.
 *  - integration: start real processes (reference stack, k6, Prometheus, promtool) (`*.int.test.ts`).
 *  - contracts: Pact consumer tests (`*.pact.test.ts`), in the forks pool as Pact's native core needs.
 *  - faults: the fault matrix (`test/faults/*.test.ts`), runnable alone with `--project faults`.
 */
const shared = { exclude: ['node_modules/**', '.tools/**', 'reports/*/**'] };

export default defineConfig({
  test: {
    reporters: ['default'],
    projects: [
      { test: { ...shared, name: 'unit', include: ['**/*.test.ts'], exclude: [...shared.exclude, '**/*.int.test.ts', '**/*.pact.test.ts', 'test/faults/**'] } },
      { test: { ...shared, name: 'integration', include: ['**/*.int.test.ts'], pool: 'forks', testTimeout: 120_000, hookTimeout: 120_000, fileParallelism: false } },
      { test: { ...shared, name: 'contracts', include: ['contracts/**/*.pact.test.ts'], pool: 'forks', testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false } },
      { test: { ...shared, name: 'faults', include: ['test/faults/**/*.test.ts'], pool: 'forks', testTimeout: 600_000, hookTimeout: 180_000, fileParallelism: false } },
    ],
  },
});
