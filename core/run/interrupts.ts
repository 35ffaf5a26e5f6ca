import { signalExitCode } from './exit-code.ts';

/**
 * Signal handling for a run: the first SIGINT/SIGTERM aborts `signal`, so suites stop their children
 * and the run still writes its partial report marked interrupted; a second one exits at once
 * (130/143) through `exitNow`, which the CLI entry provides. `dispose()` removes the handlers.
 */
export interface Interrupts {
  readonly signal: AbortSignal;
  /** The first signal received, if any. */
  received(): NodeJS.Signals | undefined;
  dispose(): void;
}

export interface SignalSource {
  on(event: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  off(event: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
}

export function watchInterrupts(exitNow: (code: number) => void, source: SignalSource = process): Interrupts {
  const controller = new AbortController();
  let got: NodeJS.Signals | undefined;
  const handler = (sig: NodeJS.Signals) => {
    if (got) {
      exitNow(signalExitCode(sig));
      return;
    }
    got = sig;
    controller.abort(new Error(`interrupted by ${sig}`));
  };
  source.on('SIGINT', handler);
  source.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    received: () => got,
    dispose: () => {
      source.off('SIGINT', handler);
      source.off('SIGTERM', handler);
    },
  };
}

/** Runs `body` with interrupts watched (commands that are not suite runs but stop children on Ctrl-C). */
export async function withInterrupts<T>(exitNow: (code: number) => void, body: (interrupts: Interrupts) => Promise<T>): Promise<T> {
  const interrupts = watchInterrupts(exitNow);
  try {
    return await body(interrupts);
  } finally {
    interrupts.dispose();
  }
}
