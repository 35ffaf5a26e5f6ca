import type { Check, Outcome } from '../../../core/result.ts';
import type { K6ExitMeaning } from '../k6/exit-codes.ts';

/** The k6 process itself: did it run to the end? Threshold failures are their own checks. */
export function k6Check(meaning: K6ExitMeaning, codes: readonly (number | null)[], why: string | undefined): Check {
  const outcome: Outcome =
    meaning.kind === 'ok' || meaning.kind === 'thresholds' ? 'pass'
      : meaning.kind === 'aborted' || meaning.kind === 'timeout' || meaning.kind === 'interrupted' ? 'inconclusive'
        : 'fail';
  const kind = meaning.kind === 'config' ? 'config' : meaning.kind === 'interrupted' ? 'interrupted' : meaning.kind === 'aborted' || meaning.kind === 'timeout' ? 'no-data' : 'internal';
  return {
    id: 'load/k6',
    name: 'k6 ran the scenario to the end',
    outcome,
    durationMs: 0,
    detail: { exitCodes: codes, meaning: meaning.meaning },
    ...(outcome === 'pass' ? {} : { failure: { kind, message: `${meaning.meaning} (exit ${codes.join(', ')})${why ? `: ${why}` : ''}` } }),
  };
}
