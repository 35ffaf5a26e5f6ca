import { z } from 'zod';
import { expectBody, expectStatus, sendJson, type ClientOptions } from './http.ts';

const AssignmentBody = z.object({ id: z.string(), sample_id: z.string(), location_id: z.string(), position: z.string() });
const Locations = z.object({ data: z.array(z.object({ id: z.string(), name: z.string(), temperature_c: z.number() })) });

export type StorageAssignment = z.infer<typeof AssignmentBody>;

/** sample-service's and transaction-service's client of storage-service. */
export class StorageClient {
  readonly #options: ClientOptions;
  constructor(options: ClientOptions) {
    this.#options = options;
  }

  async assignLocation(sampleId: string): Promise<StorageAssignment> {
    const answer = await sendJson(this.#options, 'POST', '/api/v1/storage/assignments', { sample_id: sampleId });
    return expectBody('storage-service', answer, [201], AssignmentBody);
  }

  async releaseAssignment(assignmentId: string): Promise<void> {
    expectStatus('storage-service', await sendJson(this.#options, 'DELETE', `/api/v1/storage/assignments/${encodeURIComponent(assignmentId)}`), [204]);
  }

  async listLocations(): Promise<z.infer<typeof Locations>['data']> {
    return expectBody('storage-service', await sendJson(this.#options, 'GET', '/api/v1/storage/locations'), [200], Locations).data;
  }
}
