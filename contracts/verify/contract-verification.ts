/** Talks to one provider's provider-state hook (seed data, produce a message) and its public API. */
export interface StateHook {
  /** The provider under verification (its state hook may live elsewhere). */
  readonly provider: string;
  /** POST <hook>/__admin/seed: inserts provider-specific entities. */
  seed(body: unknown): Promise<unknown>;
  /** POST <hook>/__admin/produce: the message the provider's real producer code builds for `event`. */
  produce(event: string, data?: unknown): Promise<unknown>;
  /** A call to the provider's own API (e.g. auth login to get a real token). */
  api(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown>;
}

export type StateSetup = (hook: StateHook, params: Readonly<Record<string, unknown>>) => Promise<Record<string, unknown> | void>;

/**
 * The provider side of one contract (`contracts/<consumer>--<provider>.verify.ts`): a setup per provider
 * state, keyed by the constants the consumer test uses. Messages need no entry: the provider's real
 * producer builds the event the interaction names, when the catalog says the provider publishes it.
 */
export interface ContractVerification {
  readonly consumer: string;
  readonly provider: string;
  readonly states: Readonly<Record<string, StateSetup>>;
}

export function contractKey(consumer: string, provider: string): string {
  return `${consumer}--${provider}`;
}
