import type { LoadedPact } from '../pact/pact-file.ts';
import type { ContractVerification } from './contract-verification.ts';
import { messageTopic } from './message-topic.ts';
import type { ExpectedInteraction } from './verify-checks.ts';

/** The interactions a pact file asks a provider to honour. */
export function expectedInteractions(loaded: LoadedPact): ExpectedInteraction[] {
  const { pact } = loaded;
  return pact.interactions.map((i) => ({
    consumer: pact.consumer.name,
    provider: pact.provider.name,
    description: i.description,
    providerStates: i.providerStates.map((s) => s.name),
  }));
}

/**
 * Why an interaction cannot be verified (a provider state with no setup in the verification module, a
 * message naming no event the catalog says the provider publishes), or undefined. The verifier itself
 * would skip a missing state silently, so this is checked before it runs.
 */
export function unhandledReason(loaded: LoadedPact, description: string, module: ContractVerification | undefined, publishes: readonly string[]): string | undefined {
  const { pact } = loaded;
  const interaction = pact.interactions.find((i) => i.description === description);
  if (!interaction) return undefined;
  const file = `contracts/${pact.consumer.name}--${pact.provider.name}.verify.ts`;
  const states = interaction.providerStates.map((s) => s.name);
  if (!module && states.length > 0) return `no provider verification module ${file}`;
  const missingState = states.find((s) => !module?.states[s]);
  if (missingState) return `${file} has no setup for provider state "${missingState}"`;
  if (interaction.type === 'Asynchronous/Messages' && !messageTopic(description, publishes)) {
    const known = publishes.length > 0 ? publishes.join(', ') : 'nothing';
    return `message "${description}" names no event ${pact.provider.name} publishes (a description starts with "<event>: "; the catalog says it publishes ${known})`;
  }
  return undefined;
}
