import { catalogEdges, publishedBy } from '../core/catalog/edges.ts';
import type { Check } from '../core/result.ts';
import type { SuiteContext } from '../core/suite.ts';
import type { BrokerConfig } from './broker/broker-args.ts';
import { assertBrokerReachable } from './broker/broker-cli.ts';
import { checkCoverage, type PactSummary } from './coverage/coverage.ts';
import { coverageChecks } from './coverage/coverage-checks.ts';
import { VERIFICATIONS } from './verifications.ts';
import { catalogStates } from './verify/catalog-states.ts';
import { contractKey } from './verify/contract-verification.ts';
import { expectedFromOutput, verificationChecks } from './verify/verify-checks.ts';
import { verifyProviders } from './verify/verify-providers.ts';

export interface BrokerRunInput {
  readonly broker: BrokerConfig;
  readonly providers: readonly string[] | undefined;
  readonly providerVersion: string;
}

/**
 * Broker mode: each catalog provider verifies the pacts the broker selects for it (main branch and
 * deployed/released consumers) and publishes the results as `providerVersion`. Coverage reads the
 * interaction descriptions the verifier reports (the broker holds the pact files), for the providers
 * that were verified; a provider that could not be verified is one inconclusive check.
 */
export async function runBroker(ctx: SuiteContext, input: BrokerRunInput): Promise<Check[]> {
  await assertBrokerReachable(input.broker);
  const edges = catalogEdges(ctx.resolved.catalog).filter((e) => !input.providers || input.providers.includes(e.provider));
  const providers = [...new Set(edges.map((e) => e.provider))].sort();
  const outcomes = await verifyProviders(providers, (target) => ({
    provider: target.provider,
    providerUrl: target.providerUrl,
    hookUrl: target.hookUrl,
    contracts: Object.values(VERIFICATIONS).filter((v) => v.provider === target.provider).map((v) => contractKey(v.consumer, v.provider)),
    catalogStates: catalogStates(ctx.resolved.catalog, target.provider),
    publishes: publishedBy(ctx.resolved.catalog, target.provider),
    source: { kind: 'broker', brokerUrl: input.broker.baseUrl },
    publish: { providerVersion: input.providerVersion, branch: ctx.env['GIT_BRANCH'] },
    timeoutMs: 10_000,
  }), { resolved: ctx.resolved, env: ctx.env, signal: ctx.signal, log: ctx.log, deadlineMs: 180_000 });
  const checks: Check[] = [];
  const seen: PactSummary[] = [];
  const verifiedProviders = new Set<string>();
  for (const provider of providers) {
    const outcome = outcomes.get(provider)!;
    if (outcome.kind !== 'verified') {
      const message = outcome.kind === 'unreachable' ? outcome.failure.message : outcome.message;
      const kind = outcome.kind === 'unreachable' ? outcome.failure.kind : outcome.cause ?? 'internal';
      checks.push({ id: `contracts.verify.${provider}`, name: `verify ${provider} (broker)`, service: provider, outcome: 'inconclusive', durationMs: 0, failure: { kind, message } });
      continue;
    }
    verifiedProviders.add(provider);
    const expected = expectedFromOutput(provider, outcome.output);
    checks.push(...verificationChecks(expected, outcome));
    for (const consumer of new Set(expected.map((e) => e.consumer))) {
      seen.push({ consumer, provider, source: `${input.broker.baseUrl} (${consumer} -> ${provider})`, interactions: expected.filter((e) => e.consumer === consumer).map((e) => ({ description: e.description })) });
    }
  }
  const services = ctx.resolved.catalog.services.map((s) => s.id);
  return [...coverageChecks(checkCoverage(edges.filter((e) => verifiedProviders.has(e.provider)), seen, services)), ...checks];
}
