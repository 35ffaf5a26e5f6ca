import { UnreachableError } from '../../core/errors.ts';
import { defaultStateFile, exportLines, isAlive, readState } from './state-file.ts';

/** Prints `export <ID>_URL=...` for the running stack. */
export function stackEnv(stateFile: string = defaultStateFile(), out: NodeJS.WritableStream = process.stdout): void {
  const state = readState(stateFile);
  if (!state || !isAlive(state.pid)) throw new UnreachableError(`no running reference stack (${stateFile}); start one with: tracseq-validate stack up`);
  out.write(`${exportLines(state.env)}\n`);
}
