import { z } from 'zod';
import { expectBody, sendJson, type ClientOptions } from './http.ts';

const JobBody = z.object({ id: z.string(), sample_id: z.string(), status: z.string() });
export type SequencingJobRef = z.infer<typeof JobBody>;

export interface SubmitJob {
  readonly sample_id: string;
  readonly platform?: string;
}

/** sample-service's and transaction-service's client of sequencing-service. */
export class SequencingClient {
  readonly #options: ClientOptions;
  constructor(options: ClientOptions) {
    this.#options = options;
  }

  async submitJob(job: SubmitJob): Promise<SequencingJobRef> {
    return expectBody('sequencing-service', await sendJson(this.#options, 'POST', '/api/v1/sequencing/jobs', job), [201], JobBody);
  }

  async cancelJob(jobId: string): Promise<SequencingJobRef> {
    return expectBody('sequencing-service', await sendJson(this.#options, 'DELETE', `/api/v1/sequencing/jobs/${encodeURIComponent(jobId)}`), [200], JobBody);
  }

  async getJob(jobId: string): Promise<SequencingJobRef> {
    return expectBody('sequencing-service', await sendJson(this.#options, 'GET', `/api/v1/sequencing/jobs/${encodeURIComponent(jobId)}`), [200], JobBody);
  }
}
