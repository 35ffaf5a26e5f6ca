import type { Command } from 'commander';
import type { Cli } from '../cli-context.ts';
import { parseFlags } from '../flags/parse-flags.ts';
import { StackUpFlags } from '../flags/stack-flags.ts';

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

export function register(program: Command, cli: Cli): void {
  const stack = program.command('stack').description('the embedded reference TracSeq stack (a test target on loopback)');
  stack
    .command('up')
    .description('start every catalog service (foreground; Ctrl-C or `stack down` stops it)')
    .option('--fault <spec>', 'inject a fault: <service-id>:<kind>[=<value>] (repeatable), kinds: latency=600ms[~50ms], errors=0.02, down, exit-at-start, health-lies, bad-dependency, drift, creep=50ms/min, metrics-missing', collect)
    .option('--port-base <n>', '0 = free ports; N = N + (catalog port - 8000); default: the catalog ports')
    .option('--rate-limit <n/window>', "gateway rate limit per client, e.g. 1000/60s (default: seed 004's development limit)")
    .option('--services <ids>', 'comma-separated subset of services to start')
    .option('--verbose', 'print every service log line')
    .action(async (raw: unknown) => {
      const flags = parseFlags(StackUpFlags, raw);
      const { stackUp } = await import('../../stack/cli/stack-up.ts');
      const catalog = cli.catalog();
      await stackUp({ ...flags, ...(catalog ? { catalog } : {}) });
    });
  stack
    .command('down')
    .description('stop the stack recorded in .tracseq/stack.json')
    .action(async () => {
      const { stackDown } = await import('../../stack/cli/stack-down.ts');
      await stackDown();
    });
  stack
    .command('env')
    .description('print the export <ID>_URL=... lines of the running stack')
    .action(async () => {
      const { stackEnv } = await import('../../stack/cli/stack-env.ts');
      stackEnv();
    });
}
