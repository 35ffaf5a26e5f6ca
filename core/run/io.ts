/**
 * What a run touches of the process: its output streams, environment and the way to exit at once
 * (a second interrupt). The CLI entry builds the real one; tests pass their own.
 */
export interface RunIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Colours on a terminal; plain, stable lines otherwise (CI logs). */
  readonly tty: boolean;
  readonly env: NodeJS.ProcessEnv;
  /** Ends the process now with this code: only the CLI entry implements it. */
  readonly exitNow: (code: number) => void;
}
