import { asHarnessError, ConfigError, ExitCode, InterruptedError, UnreachableError, UsageError } from '../errors.ts';
import type { FailureKind, SuiteName, SuiteResult } from '../result.ts';

function kindOf(err: unknown, exitCode: number): FailureKind {
  if (err instanceof InterruptedError) return 'interrupted';
  if (err instanceof ConfigError || err instanceof UsageError) return 'config';
  if (err instanceof UnreachableError) return /not found|missing|no such file|ENOENT/i.test(err.message) ? 'tool-missing' : 'no-data';
  return exitCode === ExitCode.internal ? 'internal' : 'no-data';
}

/**
 * A suite that threw instead of returning a result: recorded as inconclusive (never a pass) with one
 * check naming the error, plus the error's exit code for the gate's exit code.
 */
export function suiteErrorResult(suite: SuiteName, err: unknown, startedAt: Date, finishedAt: Date): { result: SuiteResult; exitCode: number } {
  const harnessError = asHarnessError(err);
  const detail = harnessError.details.length > 0 ? `: ${harnessError.details.slice(0, 3).join('; ')}` : '';
  const result: SuiteResult = {
    suite,
    outcome: 'inconclusive',
    startedAt: startedAt.toISOString(),
    durationMs: Math.max(0, finishedAt.getTime() - startedAt.getTime()),
    reason: harnessError.message,
    checks: [
      {
        id: `${suite}.run`,
        name: `${suite} suite`,
        outcome: 'inconclusive',
        durationMs: Math.max(0, finishedAt.getTime() - startedAt.getTime()),
        failure: { kind: kindOf(err, harnessError.exitCode), message: `${harnessError.message}${detail}` },
      },
    ],
  };
  return { result, exitCode: harnessError.exitCode };
}
