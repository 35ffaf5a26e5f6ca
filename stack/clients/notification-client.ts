import { z } from 'zod';
import { expectBody, sendJson, type ClientOptions } from './http.ts';

const Sent = z.object({ id: z.string(), status: z.string() });

export interface NotificationRequest {
  readonly channel: 'email' | 'slack' | 'teams';
  readonly recipient: string;
  readonly subject: string;
  readonly body?: string;
}

/** sequencing-service's client of notification-service. */
export class NotificationClient {
  readonly #options: ClientOptions;
  constructor(options: ClientOptions) {
    this.#options = options;
  }

  async send(notification: NotificationRequest): Promise<z.infer<typeof Sent>> {
    return expectBody('notification-service', await sendJson(this.#options, 'POST', '/api/v1/notifications', notification), [201], Sent);
  }
}
