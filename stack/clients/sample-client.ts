import { z } from 'zod';
import { expectBody, expectStatus, sendJson, type ClientOptions } from './http.ts';

const SampleBody = z.object({ id: z.string(), barcode: z.string(), sample_type: z.string(), status: z.string() });
const SampleListBody = z.object({ data: z.array(SampleBody), total: z.number() });

export type SampleRef = z.infer<typeof SampleBody>;

export interface CreateSample {
  readonly sample_type: string;
  readonly barcode?: string;
  /** false: do not assign storage on create (the transaction saga assigns it as its own step). */
  readonly auto_assign?: boolean;
  readonly metadata?: Record<string, unknown>;
}

/** The gateway's and transaction-service's client of sample-service. */
export class SampleClient {
  readonly #options: ClientOptions;
  constructor(options: ClientOptions) {
    this.#options = options;
  }

  async create(sample: CreateSample): Promise<SampleRef> {
    return expectBody('sample-service', await sendJson(this.#options, 'POST', '/api/v1/samples', sample), [201], SampleBody);
  }

  async get(id: string): Promise<SampleRef> {
    return expectBody('sample-service', await sendJson(this.#options, 'GET', `/api/v1/samples/${encodeURIComponent(id)}`), [200], SampleBody);
  }

  async list(): Promise<z.infer<typeof SampleListBody>> {
    return expectBody('sample-service', await sendJson(this.#options, 'GET', '/api/v1/samples'), [200], SampleListBody);
  }

  async delete(id: string): Promise<void> {
    expectStatus('sample-service', await sendJson(this.#options, 'DELETE', `/api/v1/samples/${encodeURIComponent(id)}`), [204]);
  }
}
