import { ExitCode } from '../../../core/errors.ts';

/**
 * k6's exit codes (go.k6.io/k6/v2 errext/exitcodes) in the harness's terms: 99 thresholds crossed ->
 * gate failed; 104 invalid config and 107 script exception -> exit 2; a script that aborted itself
 * (108, our setup() when it cannot log in or create data) or a setup/teardown timeout -> exit 3.
 */
export type K6ExitKind = 'ok' | 'thresholds' | 'config' | 'aborted' | 'timeout' | 'interrupted' | 'failed' | 'internal';

export interface K6ExitMeaning {
  readonly kind: K6ExitKind;
  /** The harness exit code this outcome maps to. */
  readonly exitCode: number;
  readonly meaning: string;
}

const TABLE: Record<number, K6ExitMeaning> = {
  0: { kind: 'ok', exitCode: ExitCode.pass, meaning: 'k6 finished and every threshold held' },
  97: { kind: 'internal', exitCode: ExitCode.internal, meaning: 'k6 cloud test run failed' },
  98: { kind: 'internal', exitCode: ExitCode.internal, meaning: 'k6 could not get cloud progress' },
  99: { kind: 'thresholds', exitCode: ExitCode.failed, meaning: 'k6 thresholds were crossed' },
  100: { kind: 'timeout', exitCode: ExitCode.unreachable, meaning: 'k6 setup() timed out (is the target answering?)' },
  101: { kind: 'timeout', exitCode: ExitCode.unreachable, meaning: 'k6 teardown() timed out' },
  102: { kind: 'timeout', exitCode: ExitCode.unreachable, meaning: 'k6 timed out' },
  103: { kind: 'interrupted', exitCode: ExitCode.sigint, meaning: 'k6 was stopped through its REST API' },
  104: { kind: 'config', exitCode: ExitCode.config, meaning: 'k6 rejected the configuration' },
  105: { kind: 'interrupted', exitCode: ExitCode.sigint, meaning: 'k6 was interrupted by a signal' },
  106: { kind: 'internal', exitCode: ExitCode.internal, meaning: 'k6 could not start its REST API' },
  107: { kind: 'config', exitCode: ExitCode.config, meaning: 'the k6 script threw an exception' },
  108: { kind: 'aborted', exitCode: ExitCode.unreachable, meaning: 'the k6 script aborted the test (setup could not log in or create data)' },
  109: { kind: 'internal', exitCode: ExitCode.internal, meaning: 'k6 panicked' },
  110: { kind: 'failed', exitCode: ExitCode.failed, meaning: 'the k6 test was marked as failed' },
};

export function mapK6Exit(code: number | null, signal: NodeJS.Signals | null = null): K6ExitMeaning {
  if (code === null) {
    return { kind: 'interrupted', exitCode: signal === 'SIGTERM' ? ExitCode.sigterm : ExitCode.sigint, meaning: `k6 was killed by ${signal ?? 'a signal'}` };
  }
  return TABLE[code] ?? { kind: 'internal', exitCode: ExitCode.internal, meaning: `k6 exited with unexpected code ${code}` };
}

/** Several instances: the most severe outcome wins (config > aborted/timeout > interrupted > thresholds > ok). */
export function worstExit(meanings: readonly K6ExitMeaning[]): K6ExitMeaning {
  const rank: Record<K6ExitKind, number> = { internal: 7, config: 6, aborted: 5, timeout: 4, interrupted: 3, failed: 2, thresholds: 1, ok: 0 };
  return meanings.reduce((worst, m) => (rank[m.kind] > rank[worst.kind] ? m : worst), TABLE[0]!);
}
