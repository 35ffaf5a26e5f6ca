import { publishedBy } from '../../core/catalog/edges.ts';
import type { ResolvedCatalog } from '../../core/catalog/resolve.ts';
import type { Catalog } from '../../core/catalog/schema.ts';
import type { Check } from '../../core/result.ts';
import type { LoadedPact } from '../pact/pact-file.ts';
import { VERIFICATIONS } from '../verifications.ts';
import { catalogStates, verificationFor } from './catalog-states.ts';
import { contractKey } from './contract-verification.ts';
import { expectedInteractions, unhandledReason } from './expected.ts';
import { verificationChecks, type ProviderOutcome } from './verify-checks.ts';
import { verifyProviders } from './verify-providers.ts';

export interface VerifyInput {
  /** The pact files to verify, any providers. */
  readonly pacts: readonly LoadedPact[];
  readonly resolved: ResolvedCatalog;
  readonly env: NodeJS.ProcessEnv;
  readonly signal: AbortSignal;
  readonly log: (line: string) => void;
}

/** Verifies every provider against its pact files at its resolved URL; returns each pact's checks, in the order of `pacts`. */
export async function verifyPacts(input: VerifyInput): Promise<Check[][]> {
  const providers = [...new Set(input.pacts.map((p) => p.pact.provider.name))].sort();
  const outcomes = await verifyProviders(providers, (target) => {
    const own = input.pacts.filter((p) => p.pact.provider.name === target.provider);
    return {
      provider: target.provider,
      providerUrl: target.providerUrl,
      hookUrl: target.hookUrl,
      contracts: own.map((p) => contractKey(p.pact.consumer.name, target.provider)),
      catalogStates: catalogStates(input.resolved.catalog, target.provider),
      publishes: publishedBy(input.resolved.catalog, target.provider),
      source: { kind: 'files', files: own.map((p) => p.file) },
      timeoutMs: 10_000,
    };
  }, { ...input, deadlineMs: 120_000 });
  return input.pacts.map((pact) => pactChecks(pact, outcomes.get(pact.pact.provider.name)!, input.resolved.catalog));
}

/** One check per interaction of the pact; one that cannot be set up or produced is inconclusive, never a pass. */
function pactChecks(pact: LoadedPact, outcome: ProviderOutcome, catalog: Catalog): Check[] {
  const { consumer, provider } = pact.pact;
  const publishes = publishedBy(catalog, provider.name);
  const module = verificationFor(catalog, consumer.name, provider.name, VERIFICATIONS[contractKey(consumer.name, provider.name)]);
  return verificationChecks(expectedInteractions(pact), outcome).map((check, i): Check => {
    const description = pact.pact.interactions[i]?.description ?? '';
    const why = unhandledReason(pact, description, module, publishes);
    if (!why) return check;
    return { ...check, outcome: 'inconclusive', failure: { kind: 'config', message: `${consumer.name} -> ${provider.name} "${description}": not verifiable: ${why}` } };
  });
}
