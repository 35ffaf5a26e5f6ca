import type { Command } from 'commander';
import type { Cli } from '../cli-context.ts';

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

interface SuiteFlags {
  env: string;
  provider?: string[];
  pacts?: string;
  broker?: string;
  providerVersion?: string;
  consumerVersion?: string;
  matrix?: string;
}

/** `contracts consumer | verify | run | coverage | can-i-deploy`: Pact V4 contracts for every catalog edge. */
export function register(program: Command, cli: Cli): void {
  const out = (t: string) => cli.io.out(`${t}\n`);
  const contracts = program.command('contracts').description('Pact V4 contracts for every catalog dependency edge (HTTP and events): consumer pacts, provider verification, coverage, can-i-deploy');
  const catalog = async () => {
    const { loadCatalog, catalogPath } = await import('../../core/catalog/load.ts');
    return loadCatalog(catalogPath(cli.catalog(), cli.io.env));
  };

  contracts
    .command('consumer')
    .description('regenerate the pacts folder from empty by running the consumer contracts (exit 1 when one fails)')
    .option('--pacts <dir>', 'pacts folder ($TRACSEQ_PACTS_DIR or pacts/ unless given)')
    .action(async (flags: { pacts?: string }) => {
      const { consumerCommand } = await import('../../contracts/commands/consumer-command.ts');
      const { pactsDir } = await import('../../contracts/pact/pacts-dir.ts');
      const { withInterrupts } = await import('../../core/run/interrupts.ts');
      const { InterruptedError } = await import('../../core/errors.ts');
      const consumerCatalog = await catalog();
      await withInterrupts(cli.io.exitNow, async (interrupts) => {
        try {
          await consumerCommand(flags.pacts ?? pactsDir(), consumerCatalog, cli.io.env, interrupts.signal, out);
        } catch (err) {
          const signal = interrupts.received();
          throw signal ? new InterruptedError(signal) : err;
        }
      });
    });

  const suiteCommand = (name: 'verify' | 'run', description: string) =>
    contracts
      .command(name)
      .description(description)
      .requiredOption('--env <env>', 'catalog environment whose provider URLs to verify (<ID>_URL env vars override)')
      .option('--provider <id>', 'only this provider (repeatable or comma-separated)', collect)
      .option('--pacts <dir>', 'pacts folder ($TRACSEQ_PACTS_DIR or pacts/ unless given)')
      .option('--provider-version <v>', 'provider version recorded in the matrix (the git SHA unless given)')
      .option('--consumer-version <v>', 'consumer version of the pacts (the git SHA unless given)')
      .option('--matrix <file>', 'verification matrix (reports/.contracts/matrix.json unless given)');

  const runSuite = async (command: string, env: string, options: import('../../contracts/options.ts').ContractsOptions) => {
    const { runSuiteCommand } = await import('../../core/run/suite-command.ts');
    const { runContracts } = await import('../../contracts/run.ts');
    const report = await runSuiteCommand(cli.io, { command, suite: 'contracts', catalog: cli.catalog(), env }, (ctx) => runContracts(ctx, options));
    cli.finished(report.exitCode);
  };

  suiteCommand('verify', 'verify the running providers against the pacts (--pacts DIR, --broker URL, or PACT_BROKER_BASE_URL); exit 0 pass, 1 mismatch or uncovered edge, 2 config, 3 unreachable or no pacts')
    .option('--broker <url>', 'verify the pacts of this Pact Broker and publish the results (token from $PACT_BROKER_TOKEN)')
    .action(async (flags: SuiteFlags) => {
      const { verifyOptions } = await import('../../contracts/commands/verify-options.ts');
      await runSuite('contracts verify', flags.env, verifyOptions(flags, await catalog(), cli.io.env));
    });

  suiteCommand('run', 'the full suite as the gate runs it: consumer tests into the pacts folder, coverage, verification, matrix')
    .action(async (flags: SuiteFlags) => {
      const { checkedProviders } = await import('../../contracts/commands/verify-options.ts');
      await runSuite('contracts run', flags.env, {
        pactsDir: flags.pacts,
        providers: checkedProviders(flags.provider, await catalog()),
        providerVersion: flags.providerVersion,
        consumerVersion: flags.consumerVersion,
        matrixFile: flags.matrix,
      });
    });

  contracts
    .command('coverage')
    .description('check that every catalog edge has a pact interaction and every pact matches an edge (exit 1 when not, 3 when there are no pacts)')
    .option('--pacts <dir>', 'pacts folder ($TRACSEQ_PACTS_DIR or pacts/ unless given)')
    .action(async (flags: { pacts?: string }) => {
      const { coverageCommand } = await import('../../contracts/commands/coverage-command.ts');
      const { pactsDir } = await import('../../contracts/pact/pacts-dir.ts');
      await coverageCommand(flags.pacts ?? pactsDir(), await catalog(), out);
    });

  contracts
    .command('can-i-deploy')
    .description('can this version be deployed? Local matrix, or the Pact Broker when PACT_BROKER_BASE_URL is set (exit 0 yes, 1 no, 3 no data or broker unreachable)')
    .requiredOption('--pacticipant <id>', 'the service to deploy')
    .requiredOption('--version <v>', 'its version (e.g. the git SHA it was verified as)')
    .option('--to-environment <env>', 'only verifications run against this environment count')
    .option('--matrix <file>', 'verification matrix (reports/.contracts/matrix.json unless given)')
    .action(async (flags: { pacticipant: string; version: string; toEnvironment?: string; matrix?: string }) => {
      const { canIDeployCommand } = await import('../../contracts/commands/can-i-deploy-command.ts');
      await canIDeployCommand({ pacticipant: flags.pacticipant, version: flags.version, environment: flags.toEnvironment, matrix: flags.matrix }, await catalog(), cli.io.env, out);
    });
}
