import type { ResolvedCatalog } from '../../core/catalog/resolve.ts';
import type { HttpClient } from '../../core/http/request.ts';
import type { Check } from '../../core/result.ts';
import type { LoadedPact } from '../pact/pact-file.ts';
import { VERIFICATIONS } from '../verifications.ts';
import { contractKey } from './contract-verification.ts';
import { expectedInteractions, unhandledReason } from './expected.ts';
import { providerTarget, reachProvider } from './provider-target.ts';
import { runVerifier } from './run-verifier.ts';
import { verificationChecks } from './verify-checks.ts';

export interface VerifyProviderInput {
  readonly provider: string;
  /** This provider's pact files. */
  readonly pacts: readonly LoadedPact[];
  readonly resolved: ResolvedCatalog;
  readonly env: NodeJS.ProcessEnv;
  readonly signal: AbortSignal;
  readonly log: (line: string) => void;
  readonly http?: HttpClient;
  readonly deadlineMs?: number;
}

/** Verifies one provider against its pact files; returns the checks of each pact (same order as `pacts`). */
export async function verifyProvider(input: VerifyProviderInput): Promise<Check[][]> {
  const { provider, pacts } = input;
  const target = providerTarget(provider, input.resolved, input.env);
  const outcome = (await reachProvider(target, input.signal, input.http)) ?? (await runVerifier(
    {
      provider,
      providerUrl: target.providerUrl,
      hookUrl: target.hookUrl,
      contracts: pacts.map((p) => contractKey(p.pact.consumer.name, provider)),
      source: { kind: 'files', files: pacts.map((p) => p.file) },
      timeoutMs: 10_000,
    },
    { signal: input.signal, deadlineMs: input.deadlineMs ?? 120_000, env: input.env, onOutput: (line) => input.log(`[verifier ${provider}] ${line}`) },
  ));
  return pacts.map((pact) => {
    const module = VERIFICATIONS[contractKey(pact.pact.consumer.name, provider)];
    return verificationChecks(expectedInteractions(pact), outcome).map((check, i): Check => {
      const description = pact.pact.interactions[i]?.description ?? '';
      const why = unhandledReason(pact, description, module);
      if (!why) return check;
      return { ...check, outcome: 'inconclusive', failure: { kind: 'config', message: `${pact.pact.consumer.name} -> ${provider} "${description}": not verifiable: ${why}` } };
    });
  });
}
