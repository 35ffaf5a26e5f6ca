import { z } from 'zod';
import { expectBody, sendJson, type ClientOptions } from './http.ts';

const Published = z.object({ id: z.string(), topic: z.string() });
const Subscribed = z.object({ topic: z.string(), url: z.string() });

/** Every producer's and consumer's client of the event bus (event-service). */
export class EventBusClient {
  readonly #options: ClientOptions;
  readonly #source: string | undefined;
  constructor(options: ClientOptions & { source?: string }) {
    this.#options = options;
    this.#source = options.source;
  }

  async publish(topic: string, payload: unknown): Promise<z.infer<typeof Published>> {
    const body = this.#source ? { topic, payload, source: this.#source } : { topic, payload };
    return expectBody('event-service', await sendJson(this.#options, 'POST', '/api/v1/events/publish', body), [202], Published);
  }

  /** `group`: the consumer the inbox belongs to (its service id): replicas of one consumer share it. */
  async subscribe(topic: string, url: string, group?: string): Promise<z.infer<typeof Subscribed>> {
    return expectBody('event-service', await sendJson(this.#options, 'POST', '/api/v1/events/subscribe', group ? { topic, url, group } : { topic, url }), [200, 201], Subscribed);
  }
}
