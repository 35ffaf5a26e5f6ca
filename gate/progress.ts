import type { Outcome, SuiteName } from '../core/result.ts';

/** Progress lines for a gate run: each suite's start and end with elapsed time. */
export interface GateProgress {
  start(suite: SuiteName, label: string): void;
  end(suite: SuiteName, label: string, outcome: Outcome, durationMs: number): void;
  skip(suite: SuiteName, reason: string): void;
  note(text: string): void;
}

export interface ProgressOptions {
  write: (text: string) => void;
  /** Colours and symbols on a terminal; plain, stable ASCII lines otherwise (CI logs). */
  tty: boolean;
  now: () => number;
}

const COLOURS: Record<Outcome, string> = { pass: '32', warn: '33', fail: '31', inconclusive: '35', skip: '90' };

/** `12.3s`, or `2m05s` past a minute. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s`;
}

export function createProgress(options: ProgressOptions): GateProgress {
  const t0 = options.now();
  const stamp = () => `[${formatElapsed(options.now() - t0).padStart(6)}]`;
  const paint = (outcome: Outcome, text: string) => (options.tty ? `\u001b[${COLOURS[outcome]}m${text}\u001b[0m` : text);
  const line = (text: string) => options.write(`gate ${stamp()} ${text}\n`);
  return {
    start: (suite, label) => line(`${suite.padEnd(9)} start${label ? ` ${label}` : ''}`),
    end: (suite, label, outcome, durationMs) =>
      line(`${suite.padEnd(9)} ${paint(outcome, outcome.toUpperCase())}${label ? ` ${label}` : ''} in ${formatElapsed(durationMs)}`),
    skip: (suite, reason) => line(`${suite.padEnd(9)} ${paint('skip', 'SKIP')} ${reason}`),
    note: (text) => line(text),
  };
}
