import { claimedEdgeName } from '../coverage/coverage.ts';

/**
 * The event a message interaction asks its provider to produce: the event its description names
 * (`<event>: ...`, or the whole description), when the catalog says the provider publishes it.
 */
export function messageTopic(description: string, publishes: readonly string[]): string | undefined {
  const named = claimedEdgeName(description) ?? description;
  return publishes.includes(named) ? named : undefined;
}
