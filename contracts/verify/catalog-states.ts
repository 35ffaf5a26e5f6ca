import type { Catalog } from '../../core/catalog/schema.ts';
import type { ContractVerification, StateSetup } from './contract-verification.ts';

/**
 * How a provider is put in the state a generated interaction names (`example.state`): its params are the
 * example's `seed`, posted to the provider-state hook's `/__admin/seed` as they are. A state without a seed
 * is a name only, which the provider may ignore: nothing is posted.
 */
export const seedFromParams: StateSetup = async (hook, params) => {
  if (Object.keys(params).length > 0) await hook.seed(params);
};

/** The provider states the catalog's HTTP examples of `consumer` (every consumer when undefined) give for calls to `provider`. */
export function catalogStates(catalog: Catalog, provider: string, consumer?: string): string[] {
  const states = catalog.services
    .filter((s) => consumer === undefined || s.id === consumer)
    .flatMap((s) => s.dependencies.http.filter((d) => d.to === provider).flatMap((d) => (d.example?.state === undefined ? [] : [d.example.state])));
  return [...new Set(states)];
}

/**
 * The provider side of one pair: the hand-written verification module's state setups, and for every state
 * the pair's catalog examples name that the module does not set up, `seedFromParams` (a hand-written setup
 * wins). undefined when there is neither.
 */
export function verificationFor(catalog: Catalog, consumer: string, provider: string, module: ContractVerification | undefined): ContractVerification | undefined {
  const generic = catalogStates(catalog, provider, consumer).filter((s) => !module?.states[s]);
  if (generic.length === 0) return module;
  return { consumer, provider, states: { ...Object.fromEntries(generic.map((s) => [s, seedFromParams])), ...module?.states } };
}
