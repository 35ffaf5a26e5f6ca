import type { HarnessError } from '../core/errors.ts';

/** Prints a harness error as one line (plus its detail lines), never a stack trace unless TRACSEQ_DEBUG is set. */
export function printError(err: HarnessError, stream: NodeJS.WritableStream = process.stderr): void {
  stream.write(`error: ${err.message}\n`);
  for (const line of err.details) stream.write(`  ${line}\n`);
  if (process.env['TRACSEQ_DEBUG'] && err.stack) stream.write(`${err.stack}\n`);
}
