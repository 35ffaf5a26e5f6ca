import type { Edge } from '../../core/catalog/edges.ts';
import type { MatrixRow } from './matrix-schema.ts';

export interface CanIDeployQuery {
  readonly pacticipant: string;
  readonly version: string;
  /** Only verifications run against this environment count. */
  readonly environment?: string | undefined;
}

export interface Integration {
  /** The pacticipant's role in this integration. */
  readonly role: 'consumer' | 'provider';
  readonly consumer: string;
  readonly provider: string;
  readonly status: 'verified' | 'failed' | 'missing';
  readonly row?: MatrixRow;
  readonly reason: string;
}

export interface CanIDeployAnswer {
  readonly outcome: 'pass' | 'fail' | 'inconclusive';
  readonly integrations: readonly Integration[];
  readonly reason: string;
}

function latest(rows: readonly MatrixRow[]): MatrixRow | undefined {
  return rows.reduce<MatrixRow | undefined>((best, r) => (!best || r.verifiedAt >= best.verifiedAt ? r : best), undefined);
}

function judge(role: Integration['role'], consumer: string, provider: string, row: MatrixRow | undefined, missing: string): Integration {
  if (!row) return { role, consumer, provider, status: 'missing', reason: missing };
  const what = `pact ${row.pactHash.slice(0, 12)} (${consumer}@${row.consumerVersion}) against ${provider}@${row.providerVersion} in ${row.environment}`;
  return row.success
    ? { role, consumer, provider, status: 'verified', row, reason: `verified ${what}` }
    : { role, consumer, provider, status: 'failed', row, reason: `verification failed (${row.failed}/${row.interactions} interactions) for ${what}` };
}

/**
 * Answers "can X at version V be deployed?" from the local matrix, for each integration the catalog gives X.
 * The matrix records no deployments, so the latest verification of a pair (in the environment, when given)
 * says what is in play on the other side:
 * - as a consumer: V's pact must have been verified, successfully, by the provider version in play;
 * - as a provider: V must have verified, successfully, the consumer pact (content hash) in play.
 * Any failed integration fails; any missing one is inconclusive (no data is never a pass).
 */
export function canIDeploy(rows: readonly MatrixRow[], edges: readonly Edge[], query: CanIDeployQuery): CanIDeployAnswer {
  const { pacticipant: who, version, environment } = query;
  const inEnv = environment ? rows.filter((r) => r.environment === environment) : rows;
  const pairs = [...new Map(edges.filter((e) => e.consumer === who || e.provider === who).map((e) => [`${e.consumer}->${e.provider}`, e])).values()];
  const where = environment ? ` in ${environment}` : '';
  const integrations = pairs.map(({ consumer, provider }): Integration => {
    const pairRows = inEnv.filter((r) => r.consumer === consumer && r.provider === provider);
    const current = latest(pairRows);
    if (consumer === who) {
      if (!current) return judge('consumer', consumer, provider, undefined, `no pact between ${consumer} and ${provider} was ever verified${where}`);
      const row = latest(pairRows.filter((r) => r.consumerVersion === version && r.providerVersion === current.providerVersion));
      return judge('consumer', consumer, provider, row, `${provider}@${current.providerVersion} has not verified ${consumer}@${version}'s pact${where}`);
    }
    if (!current) return judge('provider', consumer, provider, undefined, `no pact from ${consumer} was ever verified${where}`);
    const row = latest(pairRows.filter((r) => r.providerVersion === version && r.pactHash === current.pactHash));
    return judge('provider', consumer, provider, row, `${provider}@${version} has not verified ${consumer}'s current pact ${current.pactHash.slice(0, 12)}${where}`);
  });
  const failed = integrations.filter((i) => i.status === 'failed').length;
  const missing = integrations.filter((i) => i.status === 'missing').length;
  if (integrations.length === 0) return { outcome: 'pass', integrations, reason: `${who} has no contracts in the catalog: nothing depends on it` };
  if (failed > 0) return { outcome: 'fail', integrations, reason: `${failed} of ${integrations.length} integrations failed verification` };
  if (missing > 0) return { outcome: 'inconclusive', integrations, reason: `${missing} of ${integrations.length} integrations have no verification result` };
  return { outcome: 'pass', integrations, reason: `all ${integrations.length} integrations verified` };
}
