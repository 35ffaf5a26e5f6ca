import { asHarnessError } from '../errors.ts';

/**
 * The one error printer: `error: <message>`, the error's detail lines (every catalog problem, say),
 * and for a usage error the hint where help is; never a stack trace unless TRACSEQ_DEBUG is set.
 * Returns the error's exit code.
 */
export function printError(err: unknown, write: (text: string) => void, options: { hint?: string | undefined; env?: NodeJS.ProcessEnv } = {}): number {
  const harnessError = asHarnessError(err);
  const lines = [`error: ${harnessError.message}`, ...harnessError.details.map((d) => `  ${d}`)];
  if (options.hint) lines.push(`  ${options.hint}`);
  if ((options.env ?? process.env)['TRACSEQ_DEBUG'] && err instanceof Error && err.stack) lines.push(err.stack);
  write(`${lines.join('\n')}\n`);
  return harnessError.exitCode;
}
