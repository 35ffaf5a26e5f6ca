import type { ResolvedCatalog } from '../../core/catalog/resolve.ts';
import { providerTarget, reachProvider, type ProviderTarget } from './provider-target.ts';
import { runVerifiers } from './run-verifiers.ts';
import type { ProviderOutcome } from './verify-checks.ts';
import type { WorkerJob } from './worker-protocol.ts';

export interface VerifyProvidersInput {
  readonly resolved: ResolvedCatalog;
  readonly env: NodeJS.ProcessEnv;
  readonly signal: AbortSignal;
  readonly log: (line: string) => void;
  /** Deadline per provider (ms). */
  readonly deadlineMs: number;
}

/**
 * Each provider's outcome: providers that do not answer at their resolved URL are `unreachable` and never
 * handed to the verifier; the rest are verified one after the other in one verifier process.
 */
export async function verifyProviders(providers: readonly string[], jobFor: (target: ProviderTarget) => WorkerJob, input: VerifyProvidersInput): Promise<Map<string, ProviderOutcome>> {
  const targets = providers.map((provider) => providerTarget(provider, input.resolved, input.env));
  const reached = await Promise.all(targets.map((t) => reachProvider(t, input.signal)));
  const jobs = targets.filter((_, i) => !reached[i]).map(jobFor);
  for (const job of jobs) input.log(`contracts: verifying ${job.provider} (${job.contracts.map((c) => c.split('--')[0]).join(', ') || 'no local contract module'})`);
  const verified = await runVerifiers(jobs, {
    signal: input.signal,
    deadlineMs: input.deadlineMs,
    env: input.env,
    ...(input.env['TRACSEQ_DEBUG'] ? { onOutput: (line: string) => input.log(`[verifier] ${line}`) } : {}),
  });
  const outcomes = new Map<string, ProviderOutcome>(jobs.map((job, i) => [job.provider, verified[i]!]));
  providers.forEach((provider, i) => {
    const unreachable = reached[i];
    if (unreachable) outcomes.set(provider, unreachable);
  });
  return outcomes;
}
