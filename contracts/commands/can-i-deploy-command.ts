import { catalogEdges } from '../../core/catalog/edges.ts';
import type { Catalog } from '../../core/catalog/schema.ts';
import { GateFailedError, UnreachableError, UsageError } from '../../core/errors.ts';
import { brokerConfig, canIDeployArgs } from '../broker/broker-args.ts';
import { runBrokerCli } from '../broker/broker-cli.ts';
import { canIDeploy, type CanIDeployQuery } from '../matrix/can-i-deploy.ts';
import { formatAnswer } from '../matrix/format-answer.ts';
import { matrixPath, readMatrix } from '../matrix/matrix-store.ts';

export interface CanIDeployFlags extends CanIDeployQuery {
  readonly matrix?: string | undefined;
}

/**
 * Answers can-i-deploy: with PACT_BROKER_BASE_URL set, the `pact-broker` CLI asks the broker; otherwise the
 * local matrix. Prints the answer; throws for "no" (exit 1) and for "no data" (exit 3).
 */
export async function canIDeployCommand(flags: CanIDeployFlags, catalog: Catalog, env: NodeJS.ProcessEnv, out: (text: string) => void): Promise<void> {
  const broker = brokerConfig(env);
  if (broker) {
    const run = await runBrokerCli(broker, canIDeployArgs(broker, { pacticipant: flags.pacticipant, version: flags.version, toEnvironment: flags.environment }), env);
    out(run.output);
    if (run.status === 0) return;
    if (run.status === 1) throw new GateFailedError(`can-i-deploy: ${flags.pacticipant}@${flags.version} cannot be deployed (Pact Broker ${broker.baseUrl})`);
    throw new UnreachableError(`can-i-deploy: pact-broker exited ${run.status} (Pact Broker ${broker.baseUrl})`);
  }
  const known = catalog.services.map((s) => s.id);
  if (!known.includes(flags.pacticipant)) throw new UsageError(`--pacticipant: unknown service "${flags.pacticipant}" (known: ${known.join(', ')})`);
  const file = flags.matrix ?? matrixPath(env);
  const rows = await readMatrix(file);
  if (!rows) throw new UnreachableError(`can-i-deploy: no verification recorded yet (${file} does not exist); run \`tracseq-validate contracts verify\` first`);
  const answer = canIDeploy(rows, catalogEdges(catalog), flags);
  out(formatAnswer(flags, answer));
  if (answer.outcome === 'fail') throw new GateFailedError(`can-i-deploy: ${flags.pacticipant}@${flags.version}: ${answer.reason}`);
  if (answer.outcome === 'inconclusive') throw new UnreachableError(`can-i-deploy: ${flags.pacticipant}@${flags.version}: ${answer.reason}`);
}
