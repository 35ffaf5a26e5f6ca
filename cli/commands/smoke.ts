import type { Command } from 'commander';
import type { Cli } from '../cli-context.ts';
import { parseFlags, withDefault } from '../flags/parse-flags.ts';
import { SmokeFlags } from '../flags/smoke-flags.ts';

export function register(program: Command, cli: Cli): void {
  program
    .command('smoke')
    .description('is every service up, wired and answering its key endpoints? (catalog-driven; exit 0 pass, 1 fail, 2 config, 3 unreachable)')
    .option('--env <env>', withDefault('catalog environment whose URLs to check (<ID>_URL env vars override)', SmokeFlags, 'env'))
    .option('--services <list>', 'only these catalog services, comma-separated')
    .option('--timeout <duration>', 'deadline of each request, e.g. 5s')
    .option('--retries <n>', 'extra attempts for a failing check (recorded; a late pass is a warning)')
    .option('--wait <duration>', 'first poll health with backoff until healthy or this deadline, e.g. 120s')
    .option('--budget-scale <factor>', 'multiply every latency budget, e.g. 2 for a slower environment')
    .action(async (raw: unknown) => {
      const flags = parseFlags(SmokeFlags, raw);
      const { smokeSettingsFromFlags } = await import('../smoke-flags.ts');
      const { runSuiteCommand } = await import('../../core/run/suite-command.ts');
      const { runSmoke } = await import('../../smoke/run.ts');
      const settings = smokeSettingsFromFlags(flags);
      const report = await runSuiteCommand(cli.io, { command: 'smoke', suite: 'smoke', catalog: cli.catalog(), env: flags.env, services: settings.services }, (ctx) => runSmoke(ctx, settings.options));
      cli.finished(report.exitCode);
    });
}
