import { ExitCode } from '../errors.ts';
import { combineOutcomes, type Outcome, type SuiteResult } from '../result.ts';

/**
 * The one place an exit code is chosen (DESIGN.md), for a whole run and for a command that threw:
 * interrupted 130/143, then internal 70, then bad configuration or usage 2, then failed 1, then
 * unreachable or inconclusive 3, else 0. A run that could not judge what it was asked to (a suite
 * that threw for bad configuration) never hides behind a verdict.
 */
export interface ExitInputs {
  /** The run's verdict (omitted for a command that only threw). */
  readonly verdict?: Outcome | undefined;
  /** Exit codes of the errors met: suites that threw, a failed push, a command's own error. */
  readonly errors?: readonly number[];
  /** The first SIGINT/SIGTERM received. */
  readonly signal?: NodeJS.Signals | undefined;
}

/** Highest precedence first. */
const PRECEDENCE = [ExitCode.internal, ExitCode.config, ExitCode.failed, ExitCode.unreachable] as const;

export function signalExitCode(signal: NodeJS.Signals): number {
  return signal === 'SIGTERM' ? ExitCode.sigterm : ExitCode.sigint;
}

function verdictCode(verdict: Outcome | undefined): number {
  if (verdict === 'fail') return ExitCode.failed;
  if (verdict === 'inconclusive' || verdict === 'skip') return ExitCode.unreachable;
  return ExitCode.pass;
}

export function exitCodeFor(inputs: ExitInputs): number {
  if (inputs.signal) return signalExitCode(inputs.signal);
  const codes = [...(inputs.errors ?? []), verdictCode(inputs.verdict)];
  const interrupted = codes.find((c) => c === ExitCode.sigint || c === ExitCode.sigterm);
  if (interrupted !== undefined) return interrupted;
  // A code outside the table (a bug in whoever threw it) counts as internal: never as a pass.
  if (codes.some((c) => c !== ExitCode.pass && !(PRECEDENCE as readonly number[]).includes(c))) return ExitCode.internal;
  return PRECEDENCE.find((c) => codes.includes(c)) ?? ExitCode.pass;
}

/** The verdict over every suite; skipped suites do not count, and with `warningsFail` (release) a warning fails. */
export function runVerdict(results: readonly SuiteResult[], warningsFail = false): Outcome {
  return combineOutcomes(results.map((r) => (warningsFail && r.outcome === 'warn' ? 'fail' : r.outcome)));
}
