import type { RunIo } from '../core/run/io.ts';

/** What every command's registration gets from the entry (cli/main.ts). */
export interface Cli {
  readonly io: RunIo;
  /** The global `--catalog` flag. */
  catalog(): string | undefined;
  /** Records a finished run's exit code (from its report); the entry returns it. */
  finished(exitCode: number): void;
}
