import { randomUUID } from 'node:crypto';
import type { Envelope } from '../../events/envelope.ts';

export interface DeadLetter {
  readonly id: string;
  readonly topic: string;
  readonly subscriber: string;
  readonly attempts: number;
  readonly error: string;
  readonly failed_at: string;
  readonly envelope: Envelope;
}

export interface BusDeps {
  /** POSTs the envelope to a subscriber; rejects with a readable message on failure. */
  deliver(url: string, envelope: Envelope): Promise<void>;
  sleep(ms: number): Promise<void>;
  now(): Date;
  /** Counts published / delivered / failed / dead_lettered per topic. */
  count(topic: string, outcome: 'published' | 'delivered' | 'failed' | 'dead_lettered'): void;
}

/** Backoff before each retry: 3 attempts in all. */
export const RETRY_DELAYS_MS = [50, 200];
const RECENT_MAX = 1_000;
const DLQ_MAX = 10_000;

/** Publish/subscribe with at-least-once delivery to HTTP inboxes; undeliverable messages go to the dead-letter queue. */
export class EventBus {
  readonly subscribers = new Map<string, Set<string>>();
  readonly published = new Map<string, number>();
  readonly deadLetters: DeadLetter[] = [];
  readonly recent: Envelope[] = [];
  readonly #deps: BusDeps;

  constructor(deps: BusDeps) {
    this.#deps = deps;
  }

  /** Returns true when the subscription is new. */
  subscribe(topic: string, url: string): boolean {
    const set = this.subscribers.get(topic) ?? new Set<string>();
    this.subscribers.set(topic, set);
    const fresh = !set.has(url);
    set.add(url);
    return fresh;
  }

  /** Records the event and starts delivery; `delivered` settles once every subscriber got it or it was dead-lettered. */
  publish(topic: string, payload: unknown, source: string | undefined): { envelope: Envelope; subscribers: number; delivered: Promise<void> } {
    const envelope: Envelope = { id: randomUUID(), topic, ...(source ? { source } : {}), published_at: this.#deps.now().toISOString(), payload };
    this.published.set(topic, (this.published.get(topic) ?? 0) + 1);
    this.recent.push(envelope);
    if (this.recent.length > RECENT_MAX) this.recent.shift();
    this.#deps.count(topic, 'published');
    const targets = [...(this.subscribers.get(topic) ?? [])];
    const delivered = Promise.all(targets.map((url) => this.#deliver(url, envelope))).then(() => undefined);
    return { envelope, subscribers: targets.length, delivered };
  }

  async #deliver(url: string, envelope: Envelope): Promise<void> {
    let lastError = '';
    for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt++) {
      if (attempt > 0) await this.#deps.sleep(RETRY_DELAYS_MS[attempt - 1]!);
      try {
        await this.#deps.deliver(url, envelope);
        this.#deps.count(envelope.topic, 'delivered');
        return;
      } catch (err) {
        lastError = err instanceof Error ? err.message : String(err);
        this.#deps.count(envelope.topic, 'failed');
      }
    }
    this.deadLetters.push({
      id: randomUUID(),
      topic: envelope.topic,
      subscriber: url,
      attempts: RETRY_DELAYS_MS.length + 1,
      error: lastError,
      failed_at: this.#deps.now().toISOString(),
      envelope,
    });
    if (this.deadLetters.length > DLQ_MAX) this.deadLetters.shift();
    this.#deps.count(envelope.topic, 'dead_lettered');
  }

  /** Clears events and the dead-letter queue; subscriptions are wiring, not data, and stay. */
  clear(): void {
    this.published.clear();
    this.deadLetters.length = 0;
    this.recent.length = 0;
  }
}
