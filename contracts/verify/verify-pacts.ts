import type { ResolvedCatalog } from '../../core/catalog/resolve.ts';
import type { Check } from '../../core/result.ts';
import type { LoadedPact } from '../pact/pact-file.ts';
import { VERIFICATIONS } from '../verifications.ts';
import { contractKey } from './contract-verification.ts';
import { expectedInteractions, unhandledReason } from './expected.ts';
import { providerTarget, reachProvider } from './provider-target.ts';
import { runVerifiers } from './run-verifiers.ts';
import type { ProviderOutcome } from './verify-checks.ts';
import { verificationChecks } from './verify-checks.ts';
import type { WorkerJob } from './worker-protocol.ts';

export interface VerifyInput {
  /** The pact files to verify, any providers. */
  readonly pacts: readonly LoadedPact[];
  readonly resolved: ResolvedCatalog;
  readonly env: NodeJS.ProcessEnv;
  readonly signal: AbortSignal;
  readonly log: (line: string) => void;
  /** Deadline per provider (ms). */
  readonly deadlineMs?: number;
}

/**
 * Verifies every provider against its pact files at its resolved URL: unreachable providers are not
 * handed to the verifier (their interactions are inconclusive); the rest are verified one after the
 * other in one verifier process. Returns each pact's checks, in the order of `pacts`.
 */
export async function verifyPacts(input: VerifyInput): Promise<Check[][]> {
  const providers = [...new Set(input.pacts.map((p) => p.pact.provider.name))].sort();
  const targets = providers.map((provider) => providerTarget(provider, input.resolved, input.env));
  const reached = await Promise.all(targets.map((t) => reachProvider(t, input.signal)));
  const jobs: WorkerJob[] = targets.filter((_, i) => !reached[i]).map((target) => {
    const own = input.pacts.filter((p) => p.pact.provider.name === target.provider);
    input.log(`contracts: verifying ${target.provider} (${own.map((p) => p.pact.consumer.name).join(', ')})`);
    return {
      provider: target.provider,
      providerUrl: target.providerUrl,
      hookUrl: target.hookUrl,
      contracts: own.map((p) => contractKey(p.pact.consumer.name, target.provider)),
      source: { kind: 'files', files: own.map((p) => p.file) },
      timeoutMs: 10_000,
    };
  });
  const verified = await runVerifiers(jobs, { signal: input.signal, deadlineMs: input.deadlineMs ?? 120_000, env: input.env, ...(input.env['TRACSEQ_DEBUG'] ? { onOutput: (line: string) => input.log(`[verifier] ${line}`) } : {}) });
  const outcomes = new Map<string, ProviderOutcome>(jobs.map((job, i) => [job.provider, verified[i]!]));
  providers.forEach((provider, i) => {
    const unreachable = reached[i];
    if (unreachable) outcomes.set(provider, unreachable);
  });
  return input.pacts.map((pact) => pactChecks(pact, outcomes.get(pact.pact.provider.name)!));
}

/** One check per interaction of the pact; one the verification module cannot set up is inconclusive, never a pass. */
function pactChecks(pact: LoadedPact, outcome: ProviderOutcome): Check[] {
  const { consumer, provider } = pact.pact;
  const module = VERIFICATIONS[contractKey(consumer.name, provider.name)];
  return verificationChecks(expectedInteractions(pact), outcome).map((check, i): Check => {
    const description = pact.pact.interactions[i]?.description ?? '';
    const why = unhandledReason(pact, description, module);
    if (!why) return check;
    return { ...check, outcome: 'inconclusive', failure: { kind: 'config', message: `${consumer.name} -> ${provider.name} "${description}": not verifiable: ${why}` } };
  });
}
