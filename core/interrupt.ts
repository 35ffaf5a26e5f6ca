/**
 * Turns the first SIGINT/SIGTERM into an aborted signal so suites can stop children and write a
 * partial report; a second signal exits at once. `dispose()` removes the handlers.
 */
export interface Interrupt {
  readonly signal: AbortSignal;
  /** The signal received, if any. */
  received(): NodeJS.Signals | undefined;
  dispose(): void;
}

export function watchInterrupts(proc: NodeJS.Process = process): Interrupt {
  const controller = new AbortController();
  let got: NodeJS.Signals | undefined;
  const handler = (sig: NodeJS.Signals) => {
    if (got) proc.exit(sig === 'SIGINT' ? 130 : 143);
    got = sig;
    controller.abort(new Error(`interrupted by ${sig}`));
  };
  proc.on('SIGINT', handler);
  proc.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    received: () => got,
    dispose: () => {
      proc.off('SIGINT', handler);
      proc.off('SIGTERM', handler);
    },
  };
}
