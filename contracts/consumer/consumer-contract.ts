import type { Pact } from '@pact-foundation/pact';
import type { Catalog } from '../../core/catalog/schema.ts';

/** One interaction of a consumer contract and the consumer code that exercises it. */
export interface ConsumerCase {
  /** A sentence: what the consumer does and reads (the test name). */
  readonly name: string;
  /** The interaction's description, `<edge name>: ...` (coverage reads the edge from it). */
  readonly description: string;
  /**
   * Adds the interaction (under `description`) to `pact` and drives the consumer's real code against
   * Pact's mock server, asserting with node:assert. Rejects when the consumer and the pact disagree.
   */
  readonly run: (pact: Pact, description: string) => Promise<unknown>;
  /** Where the case is written, for messages (default: the contract's module, `contracts/<consumer>--<provider>.pact.ts`). */
  readonly where?: string;
}

/**
 * The consumer side of one contract (`contracts/<consumer>--<provider>.pact.ts`). Plain modules: no test
 * framework, so `contracts consumer` runs them with production dependencies only; the vitest project
 * `contracts` runs the same cases as tests.
 */
export interface ConsumerContract {
  readonly consumer: string;
  readonly provider: string;
  /** Why the consumer depends on the provider (the test group's title). */
  readonly title: string;
  /** The cases; event topics and the payload fields consumers read come from the catalog. */
  readonly cases: (catalog: Catalog) => readonly ConsumerCase[];
}

/** Where a contract's consumer module lives, for messages. */
export function consumerModule(contract: Pick<ConsumerContract, 'consumer' | 'provider'>): string {
  return `contracts/${contract.consumer}--${contract.provider}.pact.ts`;
}
