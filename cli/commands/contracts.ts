import type { Command } from 'commander';

const collect = (value: string, previous: string[] = []) => [...previous, value];

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
export function register(program: Command): void {
  const catalogFlag = () => program.opts<{ catalog?: string }>().catalog;
  const contracts = program.command('contracts').description('Pact V4 contracts for every catalog dependency edge (HTTP and events): consumer pacts, provider verification, coverage, can-i-deploy');

  contracts
    .command('consumer')
    .description('regenerate the pacts folder from empty by running the consumer tests (exit 1 when one fails)')
    .option('--pacts <dir>', 'pacts folder (default $TRACSEQ_PACTS_DIR or pacts/)')
    .action(async (flags: { pacts?: string }) => {
      const { consumerCommand } = await import('../../contracts/commands/consumer-command.ts');
      const { pactsDir } = await import('../../contracts/pact/pacts-dir.ts');
      const { watchInterrupts } = await import('../../core/interrupt.ts');
      const { InterruptedError } = await import('../../core/errors.ts');
      const interrupt = watchInterrupts();
      try {
        await consumerCommand(flags.pacts ?? pactsDir(), process.env, interrupt.signal, (t) => process.stdout.write(`${t}\n`));
      } catch (err) {
        const signal = interrupt.received();
        throw signal ? new InterruptedError(signal) : err;
      } finally {
        interrupt.dispose();
      }
    });

  const suiteCommand = (name: 'verify' | 'run', description: string) =>
    contracts
      .command(name)
      .description(description)
      .requiredOption('--env <env>', 'catalog environment whose provider URLs to verify (<ID>_URL env vars override)')
      .option('--provider <id>', 'only this provider (repeatable or comma-separated)', collect)
      .option('--pacts <dir>', 'pacts folder (default $TRACSEQ_PACTS_DIR or pacts/)')
      .option('--provider-version <v>', 'provider version recorded in the matrix (default: git SHA)')
      .option('--consumer-version <v>', 'consumer version of the pacts (default: git SHA)')
      .option('--matrix <file>', 'verification matrix (default reports/.contracts/matrix.json)');

  suiteCommand('verify', 'verify the running providers against the pacts (--pacts DIR, --broker URL, or PACT_BROKER_BASE_URL); exit 0 pass, 1 mismatch or uncovered edge, 2 config, 3 unreachable or no pacts')
    .option('--broker <url>', 'verify the pacts of this Pact Broker and publish the results (token from $PACT_BROKER_TOKEN)')
    .action(async (flags: SuiteFlags) => {
      const { loadCatalog, catalogPath } = await import('../../core/catalog/load.ts');
      const { verifyOptions } = await import('../../contracts/commands/verify-options.ts');
      const options = verifyOptions(flags, loadCatalog(catalogPath(catalogFlag())), process.env);
      await runSuite('contracts verify', flags.env, catalogFlag(), options);
    });

  suiteCommand('run', 'the full suite as the gate runs it: consumer tests into the pacts folder, coverage, verification, matrix')
    .action(async (flags: SuiteFlags) => {
      const { checkedProviders } = await import('../../contracts/commands/verify-options.ts');
      const { loadCatalog, catalogPath } = await import('../../core/catalog/load.ts');
      await runSuite('contracts run', flags.env, catalogFlag(), {
        pactsDir: flags.pacts,
        providers: checkedProviders(flags.provider, loadCatalog(catalogPath(catalogFlag()))),
        providerVersion: flags.providerVersion,
        consumerVersion: flags.consumerVersion,
        matrixFile: flags.matrix,
      });
    });

  contracts
    .command('coverage')
    .description('check that every catalog edge has a pact interaction and every pact matches an edge (exit 1 when not, 3 when there are no pacts)')
    .option('--pacts <dir>', 'pacts folder (default $TRACSEQ_PACTS_DIR or pacts/)')
    .action(async (flags: { pacts?: string }) => {
      const { coverageCommand } = await import('../../contracts/commands/coverage-command.ts');
      const { pactsDir } = await import('../../contracts/pact/pacts-dir.ts');
      const { loadCatalog, catalogPath } = await import('../../core/catalog/load.ts');
      await coverageCommand(flags.pacts ?? pactsDir(), loadCatalog(catalogPath(catalogFlag())), (t) => process.stdout.write(`${t}\n`));
    });

  contracts
    .command('can-i-deploy')
    .description('can this version be deployed? Local matrix, or the Pact Broker when PACT_BROKER_BASE_URL is set (exit 0 yes, 1 no, 3 no data or broker unreachable)')
    .requiredOption('--pacticipant <id>', 'the service to deploy')
    .requiredOption('--version <v>', 'its version (e.g. the git SHA it was verified as)')
    .option('--to-environment <env>', 'only verifications run against this environment count')
    .option('--matrix <file>', 'verification matrix (default reports/.contracts/matrix.json)')
    .action(async (flags: { pacticipant: string; version: string; toEnvironment?: string; matrix?: string }) => {
      const { canIDeployCommand } = await import('../../contracts/commands/can-i-deploy-command.ts');
      const { loadCatalog, catalogPath } = await import('../../core/catalog/load.ts');
      await canIDeployCommand(
        { pacticipant: flags.pacticipant, version: flags.version, environment: flags.toEnvironment, matrix: flags.matrix },
        loadCatalog(catalogPath(catalogFlag())),
        process.env,
        (t) => process.stdout.write(`${t}\n`),
      );
    });
}

async function runSuite(command: string, env: string, catalog: string | undefined, options: import('../../contracts/options.ts').ContractsOptions): Promise<void> {
  const { runSuitesCommand } = await import('../run-suite.ts');
  const { runContracts } = await import('../../contracts/run.ts');
  await runSuitesCommand({ command, catalog, env }, async (ctx, results) => {
    results.push(await runContracts(ctx, options));
  });
}
