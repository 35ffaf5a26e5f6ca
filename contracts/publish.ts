import type { Check } from '../core/result.ts';
import type { SuiteContext } from '../core/suite.ts';
import { publishArgs, type BrokerConfig } from './broker/broker-args.ts';
import { runBrokerCli } from './broker/broker-cli.ts';

/** Publishes the regenerated pacts to the broker as `consumerVersion` (git branch from $GIT_BRANCH when set). */
export async function publishPacts(ctx: SuiteContext, broker: BrokerConfig, dir: string, consumerVersion: string): Promise<Check> {
  const t0 = Date.now();
  const args = publishArgs(broker, { pactsDir: dir, consumerVersion, branch: ctx.env['GIT_BRANCH'] });
  const run = await runBrokerCli(broker, args, ctx.env, ctx.signal);
  const base = { id: 'contracts.publish', name: `publish pacts to ${broker.baseUrl}`, service: 'pact-broker', durationMs: Date.now() - t0 };
  if (run.status === 0) return { ...base, outcome: 'pass', detail: { consumerVersion } };
  return { ...base, outcome: 'fail', failure: { kind: 'internal', message: `pact-broker publish exited ${run.status}: ${run.output.split('\n')[0] ?? ''}`, diff: run.output } };
}
