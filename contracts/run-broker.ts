import { catalogEdges } from '../core/catalog/edges.ts';
import type { Check } from '../core/result.ts';
import type { SuiteContext } from '../core/suite.ts';
import type { BrokerConfig } from './broker/broker-args.ts';
import { assertBrokerReachable } from './broker/broker-cli.ts';
import { checkCoverage, type PactSummary } from './coverage/coverage.ts';
import { coverageChecks } from './coverage/coverage-checks.ts';
import { VERIFICATIONS } from './verifications.ts';
import { providerTarget, reachProvider } from './verify/provider-target.ts';
import { contractKey } from './verify/contract-verification.ts';
import { runVerifiers } from './verify/run-verifiers.ts';
import { expectedFromOutput, verificationChecks, type ProviderOutcome } from './verify/verify-checks.ts';
import type { WorkerJob } from './verify/worker-protocol.ts';

export interface BrokerRunInput {
  readonly broker: BrokerConfig;
  readonly providers: readonly string[] | undefined;
  readonly providerVersion: string;
}

/**
 * Broker mode: each catalog provider verifies the pacts the broker selects for it (main branch and
 * deployed/released consumers) and publishes the results as `providerVersion`. Coverage reads the
 * interaction descriptions the verifier reports (the broker holds the pact files).
 */
export async function runBroker(ctx: SuiteContext, input: BrokerRunInput): Promise<Check[]> {
  await assertBrokerReachable(input.broker);
  const edges = catalogEdges(ctx.resolved.catalog).filter((e) => !input.providers || input.providers.includes(e.provider));
  const checks: Check[] = [];
  const seen: PactSummary[] = [];
  const providers = [...new Set(edges.map((e) => e.provider))].sort();
  const targets = providers.map((provider) => providerTarget(provider, ctx.resolved, ctx.env));
  const reached = await Promise.all(targets.map((t) => reachProvider(t, ctx.signal)));
  const jobs: WorkerJob[] = targets.filter((_, i) => !reached[i]).map((target) => ({
    provider: target.provider,
    providerUrl: target.providerUrl,
    hookUrl: target.hookUrl,
    contracts: Object.values(VERIFICATIONS).filter((v) => v.provider === target.provider).map((v) => contractKey(v.consumer, v.provider)),
    source: { kind: 'broker', brokerUrl: input.broker.baseUrl },
    publish: { providerVersion: input.providerVersion, branch: ctx.env['GIT_BRANCH'] },
    timeoutMs: 10_000,
  }));
  ctx.log(`contracts: verifying ${jobs.map((j) => j.provider).join(', ')} against ${input.broker.baseUrl}`);
  const verified = await runVerifiers(jobs, { signal: ctx.signal, deadlineMs: 180_000, env: ctx.env });
  const outcomes = new Map<string, ProviderOutcome>(jobs.map((job, i) => [job.provider, verified[i]!]));
  providers.forEach((provider, i) => {
    const unreachable = reached[i];
    if (unreachable) outcomes.set(provider, unreachable);
  });
  for (const provider of providers) {
    const outcome = outcomes.get(provider)!;
    if (outcome.kind !== 'verified') {
      const message = outcome.kind === 'unreachable' ? outcome.failure.message : outcome.message;
      const kind = outcome.kind === 'unreachable' ? outcome.failure.kind : outcome.cause ?? 'internal';
      checks.push({ id: `contracts.verify.${provider}`, name: `verify ${provider} (broker)`, service: provider, outcome: 'inconclusive', durationMs: 0, failure: { kind, message } });
      continue;
    }
    const expected = expectedFromOutput(provider, outcome.output);
    checks.push(...verificationChecks(expected, outcome));
    for (const consumer of new Set(expected.map((e) => e.consumer))) {
      seen.push({ consumer, provider, source: `${input.broker.baseUrl} (${consumer} -> ${provider})`, interactions: expected.filter((e) => e.consumer === consumer).map((e) => ({ description: e.description })) });
    }
  }
  return [...coverageChecks(checkCoverage(edges, seen)), ...checks];
}
