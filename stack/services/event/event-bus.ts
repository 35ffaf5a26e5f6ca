import { randomUUID } from 'node:crypto';
import type { Envelope } from '../../events/envelope.ts';

export interface DeadLetter {
  readonly id: string;
  readonly topic: string;
  /** The consumer (its subscription group: a service id) the message was meant for. */
  readonly consumer: string;
  /** The inbox the last attempt went to. */
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

/** The inboxes of one consumer (its replicas): each message goes to one of them, round-robin, a retry to the next. */
export class ConsumerGroup {
  readonly name: string;
  readonly members: string[] = [];
  #next = 0;

  constructor(name: string) {
    this.name = name;
  }

  /** The inbox for the next attempt. */
  pick(): string {
    const url = this.members[this.#next % this.members.length]!;
    this.#next = (this.#next + 1) % this.members.length;
    return url;
  }
}

/**
 * Publish/subscribe with at-least-once delivery to HTTP inboxes; undeliverable messages go to the
 * dead-letter queue. A subscription names its consumer (`group`, a service id): a consumer with
 * several replicas subscribes each replica's inbox under one group and gets each message once.
 * Without a group the inbox is a consumer of its own.
 */
export class EventBus {
  /** topic -> consumer name -> its group. */
  readonly subscribers = new Map<string, Map<string, ConsumerGroup>>();
  readonly published = new Map<string, number>();
  readonly deadLetters: DeadLetter[] = [];
  readonly recent: Envelope[] = [];
  readonly #deps: BusDeps;

  constructor(deps: BusDeps) {
    this.#deps = deps;
  }

  /** Returns true when the subscription is new. */
  subscribe(topic: string, url: string, group: string = url): boolean {
    const groups = this.subscribers.get(topic) ?? new Map<string, ConsumerGroup>();
    this.subscribers.set(topic, groups);
    const consumer = groups.get(group) ?? new ConsumerGroup(group);
    groups.set(group, consumer);
    if (consumer.members.includes(url)) return false;
    consumer.members.push(url);
    return true;
  }

  /** Every consumer subscribed to any topic. */
  consumers(): string[] {
    return [...new Set([...this.subscribers.values()].flatMap((groups) => [...groups.keys()]))];
  }

  /** Dead letters per consumer (every subscribed consumer, 0 when it has none). */
  deadLettersBy(): Map<string, number> {
    const counts = new Map(this.consumers().map((c) => [c, 0]));
    for (const letter of this.deadLetters) counts.set(letter.consumer, (counts.get(letter.consumer) ?? 0) + 1);
    return counts;
  }

  /** Records the event and starts delivery; `delivered` settles once every subscriber got it or it was dead-lettered. */
  publish(topic: string, payload: unknown, source: string | undefined): { envelope: Envelope; subscribers: number; delivered: Promise<void> } {
    const envelope: Envelope = { id: randomUUID(), topic, ...(source ? { source } : {}), published_at: this.#deps.now().toISOString(), payload };
    this.published.set(topic, (this.published.get(topic) ?? 0) + 1);
    this.recent.push(envelope);
    if (this.recent.length > RECENT_MAX) this.recent.shift();
    this.#deps.count(topic, 'published');
    const targets = [...(this.subscribers.get(topic)?.values() ?? [])];
    const delivered = Promise.all(targets.map((group) => this.#deliver(group, envelope))).then(() => undefined);
    return { envelope, subscribers: targets.length, delivered };
  }

  async #deliver(group: ConsumerGroup, envelope: Envelope): Promise<void> {
    let lastError = '';
    let url = '';
    for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt++) {
      if (attempt > 0) await this.#deps.sleep(RETRY_DELAYS_MS[attempt - 1]!);
      url = group.pick();
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
      consumer: group.name,
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
