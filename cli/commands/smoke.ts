import type { Command } from 'commander';

interface SmokeFlags {
  env: string;
  services?: string;
  timeout?: string;
  retries?: string;
  wait?: string;
  budgetScale?: string;
}

export function register(program: Command): void {
  program
    .command('smoke')
    .description('is every service up, wired and answering its key endpoints? (catalog-driven; exit 0 pass, 1 fail, 2 config, 3 unreachable)')
    .option('--env <env>', 'catalog environment whose URLs to check (<ID>_URL env vars override)', 'local')
    .option('--services <list>', 'only these catalog services, comma-separated')
    .option('--timeout <duration>', 'deadline of each request, e.g. 5s')
    .option('--retries <n>', 'extra attempts for a failing check (recorded; a late pass is a warning)')
    .option('--wait <duration>', 'first poll health with backoff until healthy or this deadline, e.g. 120s')
    .option('--budget-scale <factor>', 'multiply every latency budget, e.g. 2 for a slower environment')
    .action(async (flags: SmokeFlags) => {
      const { smokeSettingsFromFlags } = await import('../smoke-flags.ts');
      const { runSuitesCommand } = await import('../run-suite.ts');
      const { runSmoke } = await import('../../smoke/run.ts');
      const settings = smokeSettingsFromFlags(flags);
      await runSuitesCommand(
        { command: 'smoke', catalog: program.opts<{ catalog?: string }>().catalog, env: flags.env, services: settings.services },
        async (ctx, results) => {
          results.push(await runSmoke(ctx, settings.options));
        },
      );
    });
}
