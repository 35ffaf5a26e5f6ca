import type { ResolvedCatalog } from '../../core/catalog/resolve.ts';
import type { UnreachableError } from '../../core/errors.ts';
import type { SuiteResultOf } from '../../core/result.ts';
import { checkTarget } from './allowlist.ts';

/** Before any load: the target must be allowed (throws, exit 2); k6 must exist (else inconclusive, exit 3). */
export function allowedOrThrow(target: string, resolved: ResolvedCatalog, allowProduction: boolean, allowHosts: readonly string[] = []): string {
  return checkTarget(target, resolved, allowProduction, allowHosts).allowedAs;
}

export function toolMissingResult(err: UnreachableError, started: Date, now: Date): SuiteResultOf<'load'> {
  return {
    suite: 'load',
    outcome: 'inconclusive',
    startedAt: started.toISOString(),
    durationMs: now.getTime() - started.getTime(),
    reason: err.message,
    checks: [{
      id: 'load/k6',
      name: 'k6 is installed',
      outcome: 'inconclusive',
      durationMs: 0,
      failure: { kind: 'tool-missing', message: err.message },
    }],
  };
}
