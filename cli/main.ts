import { Command, CommanderError } from 'commander';
import { ExitCode, UsageError } from '../core/errors.ts';
import { exitCodeFor } from '../core/run/exit-code.ts';
import type { RunIo } from '../core/run/io.ts';
import { printError } from '../core/run/print-error.ts';
import { TOOL } from '../core/tool.ts';
import type { Cli } from './cli-context.ts';

/**
 * The CLI: parses the command line, runs one command and returns the exit code, which only the
 * entry (bin/tracseq-validate.js) hands to the process. Each command lives in its own file under
 * cli/commands/ and exports `register(program, cli)`; heavy modules are imported lazily in actions.
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

/** `tracseq-validate load run`: the command's full name, for the help hint. */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

const helpHint = (command: Command | undefined) => (command ? `see ${commandPath(command)} --help` : undefined);

export async function buildProgram(argv: readonly string[], cli: Cli): Promise<Command> {
  const program = new Command('tracseq-validate')
    .description('Decides whether a TracSeq 2.0 deployment is fit to ship: smoke, contracts, load and SLO suites, one verdict.')
    // -V only: `--version` belongs to subcommands (can-i-deploy --version <pacticipant version>).
    .version(TOOL.version, '-V', 'print the harness version')
    .option('--catalog <file>', 'service catalog (catalog/tracseq.yaml unless $TRACSEQ_CATALOG names another)')
    .exitOverride();
  const only = requestedCommand(argv);
  for (const name of only ? [only] : COMMANDS) {
    const mod = (await import(`./commands/${name}.ts`)) as { register: (program: Command, cli: Cli) => void };
    mod.register(program, cli);
  }
  return program;
}

interface UsageProblem { message: string; command: Command }

/** Every command writes to the run's streams; a commander usage error is kept (one line) for the one error printer. */
function configure(command: Command, io: RunIo, problem: { last?: UsageProblem }): void {
  command.configureOutput({
    writeOut: io.out,
    writeErr: io.err,
    outputError: (text) => { problem.last = { message: text.trim().replace(/^error: /, ''), command }; },
  });
  for (const sub of command.commands) configure(sub, io, problem);
}

export async function main(argv: readonly string[], io: RunIo): Promise<number> {
  let ran: number | undefined;
  let active: Command | undefined;
  let program: Command | undefined;
  const cli: Cli = { io, catalog: () => program?.opts<{ catalog?: string }>().catalog, finished: (code) => { ran = code; } };
  const problem: { last?: UsageProblem } = {};
  try {
    program = await buildProgram(argv, cli);
    configure(program, io, problem);
    program.hook('preAction', (_root, command) => { active = command; });
    await program.parseAsync([...argv]);
    return ran ?? exitCodeFor({});
  } catch (err) {
    if (err instanceof CommanderError) return commanderExit(err, problem.last, io);
    const code = printError(err, io.err, { env: io.env, hint: err instanceof UsageError ? helpHint(active) : undefined });
    return exitCodeFor({ errors: [code] });
  }
}

/**
 * Help and version are exit 0. No command, or a group without its subcommand, prints the usage on
 * stderr (commander did) and is a usage error; so is any other commander error, printed as one line
 * and a hint: never a pass, since an empty command checked nothing.
 */
function commanderExit(err: CommanderError, problem: UsageProblem | undefined, io: RunIo): number {
  if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return exitCodeFor({});
  if (err.code === 'commander.help' && err.exitCode === 0) return exitCodeFor({});
  if (err.code === 'commander.help') return exitCodeFor({ errors: [ExitCode.config] });
  const code = printError(new UsageError(problem?.message ?? err.message.replace(/^error: /, '')), io.err, { env: io.env, hint: helpHint(problem?.command) });
  return exitCodeFor({ errors: [code] });
}
