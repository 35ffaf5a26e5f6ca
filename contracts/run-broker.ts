import { catalogEdges } from '../core/catalog/edges.ts';
import type { Check } from '../core/result.ts';
import type { SuiteContext } from '../core/suite.ts';
import type { BrokerConfig } from './broker/broker-args.ts';
import { assertBrokerReachable } from './broker/broker-cli.ts';
import { checkCoverage, type PactSummary } from './coverage/coverage.ts';
import { coverageChecks } from './coverage/coverage-checks.ts';
import { VERIFICATIONS } from './verifications.ts';
import { providerTarget, reachProvider } from './verify/provider-target.ts';
import { runVerifier } from './verify/run-verifier.ts';
import { expectedFromOutput, verificationChecks } from './verify/verify-checks.ts';

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
  for (const provider of [...new Set(edges.map((e) => e.provider))].sort()) {
    if (ctx.signal.aborted) break;
    const target = providerTarget(provider, ctx.resolved, ctx.env);
    const contracts = Object.values(VERIFICATIONS).filter((v) => v.provider === provider).map((v) => `${v.consumer}--${v.provider}`);
    ctx.log(`contracts: verifying ${provider} against ${input.broker.baseUrl}`);
    const outcome = (await reachProvider(target, ctx.signal)) ?? (await runVerifier(
      { provider, providerUrl: target.providerUrl, hookUrl: target.hookUrl, contracts, source: { kind: 'broker', brokerUrl: input.broker.baseUrl }, publish: { providerVersion: input.providerVersion, branch: ctx.env['GIT_BRANCH'] }, timeoutMs: 10_000 },
      { signal: ctx.signal, deadlineMs: 180_000, env: ctx.env },
    ));
    if (outcome.kind !== 'verified') {
      const message = outcome.kind === 'unreachable' ? outcome.failure.message : outcome.message;
      checks.push({ id: `contracts.verify.${provider}`, name: `verify ${provider} (broker)`, service: provider, outcome: 'inconclusive', durationMs: 0, failure: { kind: outcome.kind === 'unreachable' ? outcome.failure.kind : 'internal', message } });
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
