import type { RunReport, SuiteName } from '../../core/result.ts';
import type { Expectation } from './matrix-rows.ts';

export interface RowVerdict {
  /** Suites that failed or were inconclusive, in gate order. */
  readonly caughtBy: readonly SuiteName[];
  /** The first line of the expected suite that names `expect.names` and matches the cause (and kind). */
  readonly cause: string | undefined;
  /** The cause as the matrix prints it: who, then the text from where the cause matched. */
  readonly shown: string | undefined;
}

const bad = (o: string) => o === 'fail' || o === 'inconclusive';

/** Reads a gate report the way a CI user would: which suites caught something, and the line that says what (pure). */
export function rowVerdict(report: RunReport, expect: Expectation): RowVerdict {
  const caughtBy = report.suites.filter((s) => bad(s.outcome)).map((s) => s.suite);
  const suite = report.suites.find((s) => s.suite === expect.suite);
  const checks = (suite?.checks ?? []).filter((c) => bad(c.outcome) && c.failure && (!expect.kind || c.failure.kind === expect.kind));
  // With a failure kind to match, only checks count; otherwise the suite's reason may say it.
  const lines = [
    ...(suite?.reason && !expect.kind ? [`${suite.suite}: ${suite.reason}`] : []),
    ...checks.map((c) => `${c.service ?? c.id}: ${c.failure!.url ? `${c.failure!.url}: ` : ''}${c.failure!.message}`),
  ];
  const cause = lines.find((l) => l.includes(expect.names) && expect.cause.test(l));
  const at = cause === undefined ? -1 : (expect.cause.exec(cause)?.index ?? -1);
  const who = cause?.slice(0, cause.indexOf(': '));
  const shown = cause === undefined || at <= (who?.length ?? 0) + 2 ? cause : `${who}: …${cause.slice(at)}`;
  return { caughtBy, cause, shown };
}
