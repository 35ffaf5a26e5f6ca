import type { Check } from '../../core/result.ts';
import type { LoadedPact } from '../pact/pact-file.ts';
import type { MatrixRow } from './matrix-schema.ts';

export interface MatrixMeta {
  readonly consumerVersion: string;
  readonly providerVersion: string;
  readonly environment: string;
  readonly runId: string;
  readonly verifiedAt: string;
}

/**
 * One matrix row per verified pact. A pact with any interaction not actually verified (inconclusive,
 * skipped) is not recorded: the matrix holds results, not absences.
 */
export function matrixRows(pacts: readonly LoadedPact[], checks: readonly (readonly Check[])[], meta: MatrixMeta): MatrixRow[] {
  return pacts.flatMap((loaded, i): MatrixRow[] => {
    const own = checks[i] ?? [];
    if (own.length === 0 || own.some((c) => c.outcome === 'inconclusive' || c.outcome === 'skip')) return [];
    const failed = own.filter((c) => c.outcome === 'fail').length;
    return [{
      consumer: loaded.pact.consumer.name,
      consumerVersion: meta.consumerVersion,
      provider: loaded.pact.provider.name,
      providerVersion: meta.providerVersion,
      pactHash: loaded.hash,
      pactSource: loaded.file,
      environment: meta.environment,
      success: failed === 0,
      interactions: own.length,
      failed,
      verifiedAt: meta.verifiedAt,
      runId: meta.runId,
    }];
  });
}
