import { Command, CommanderError } from 'commander';
import { asHarnessError, ExitCode } from '../core/errors.ts';
import { TOOL } from '../core/tool.ts';
import { printError } from './output.ts';

/**
 * The CLI entry: the only place that calls process.exit. Each command lives in its own file under
 * cli/commands/ and exports `register(program)`; heavy modules are imported lazily in the actions.
 */
const COMMANDS = ['catalog', 'stack', 'smoke', 'contracts', 'load', 'slo', 'gate'] as const;

/** The command named on the command line, if any: only its module is loaded (CLI start-up stays fast). */
function requestedCommand(argv: readonly string[]): string | undefined {
  const args = argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--catalog') i++;
    else if (!arg.startsWith('-')) return (COMMANDS as readonly string[]).includes(arg) ? arg : undefined;
  }
  return undefined;
}

export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command('tracseq-validate')
    .description('Decides whether a TracSeq 2.0 deployment is fit to ship: smoke, contracts, load and SLO suites, one verdict.')
    // -V only: `--version` belongs to subcommands (can-i-deploy --version <pacticipant version>).
    .version(TOOL.version, '-V', 'print the harness version')
    .option('--catalog <file>', 'service catalog (default: catalog/tracseq.yaml, or $TRACSEQ_CATALOG)')
    .showHelpAfterError()
    .exitOverride();
  const only = requestedCommand(argv);
  for (const name of only ? [only] : COMMANDS) {
    const mod = (await import(`./commands/${name}.ts`)) as { register: (program: Command) => void };
    mod.register(program);
  }
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const program = await buildProgram(argv);
    await program.parseAsync([...argv]);
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return ExitCode.config;
    }
    const harnessError = asHarnessError(err);
    printError(harnessError);
    return harnessError.exitCode;
  }
}
