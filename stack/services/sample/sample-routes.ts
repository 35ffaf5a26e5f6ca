import type { Histogram } from 'prom-client';
import { z } from 'zod';
import { SequencingClient } from '../../clients/sequencing-client.ts';
import { StorageClient } from '../../clients/storage-client.ts';
import { buildSampleCreated, SAMPLE_CREATED } from '../../events/sample-events.ts';
import { parseBody } from '../../runtime/body.ts';
import { clientOptions } from '../../runtime/deps.ts';
import { publish } from '../../runtime/events.ts';
import { describe } from '../../runtime/probes.ts';
import { HttpError, type Route, type ServiceContext } from '../../runtime/types.ts';
import { canTransition, SAMPLE_STATUSES, type SampleRecord, type SampleStore } from './sample-store.ts';
import { parseListQuery } from '../../runtime/list-query.ts';
import { listBody, sampleView } from './sample-view.ts';

const CreateSchema = z.object({
  sample_type: z.string().min(1),
  barcode: z.string().min(1).optional(),
  auto_assign: z.boolean().default(true),
  metadata: z.record(z.string(), z.unknown()).default({}),
});
const UpdateSchema = z.object({ status: z.enum(SAMPLE_STATUSES).optional(), sample_type: z.string().min(1).optional(), metadata: z.record(z.string(), z.unknown()).optional() });
const SequenceSchema = z.object({ platform: z.string().min(1).default('NovaSeq 6000') });

export function sampleRoutes(ctx: ServiceContext, store: SampleStore, processing: Histogram): Route[] {
  const drift = () => ctx.faults.current.drift;
  const found = (id: string): SampleRecord => {
    const sample = store.get(id);
    if (!sample) throw new HttpError(404, `no sample ${id}`);
    return sample;
  };
  // The unfiltered first page, serialised once per store version: the gateway read path's hot spot.
  let listCache: { version: number; drift: boolean; raw: Buffer } | undefined;
  return [
    {
      method: 'GET',
      path: '/api/v1/samples',
      handler: (req) => {
        if (req.search === '' && listCache?.version === store.version && listCache.drift === drift()) return { status: 200, raw: listCache.raw };
        const raw = Buffer.from(JSON.stringify(listBody(store, parseListQuery(req.search), drift())));
        if (req.search === '') listCache = { version: store.version, drift: drift(), raw };
        return { status: 200, raw };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/samples',
      handler: async (req) => {
        const started = performance.now();
        const input = parseBody(CreateSchema, req.body);
        const now = new Date();
        const barcode = input.barcode ?? store.nextBarcode(now);
        if (store.byBarcode(barcode)) throw new HttpError(409, `barcode ${barcode} is already registered`);
        let sample = store.insert({ barcode, sample_type: input.sample_type, metadata: input.metadata }, now);
        if (input.auto_assign) {
          try {
            const assignment = await new StorageClient(clientOptions(ctx.deps, 'storage-service')).assignLocation(sample.id);
            sample = store.update(sample.id, { status: 'stored', storage_location_id: assignment.location_id, storage_assignment_id: assignment.id }) ?? sample;
          } catch (err) {
            store.delete(sample.id);
            throw new HttpError(502, `storage-service assign-location failed: ${describe(err)}`);
          }
        }
        await publish(ctx, SAMPLE_CREATED, buildSampleCreated(sample, { drift: drift() }));
        processing.observe((performance.now() - started) / 1000);
        return { status: 201, body: sampleView(sample, drift()) };
      },
    },
    { method: 'GET', path: '/api/v1/samples/:id', handler: (req) => ({ status: 200, body: sampleView(found(req.params['id']!), drift()) }) },
    {
      method: 'PUT',
      path: '/api/v1/samples/:id',
      handler: (req) => {
        const current = found(req.params['id']!);
        const patch = parseBody(UpdateSchema, req.body);
        if (patch.status && !canTransition(current.status, patch.status)) throw new HttpError(409, `status cannot go from ${current.status} to ${patch.status}`);
        return { status: 200, body: sampleView(store.update(current.id, patch)!, drift()) };
      },
    },
    {
      method: 'DELETE',
      path: '/api/v1/samples/:id',
      handler: async (req) => {
        const sample = found(req.params['id']!);
        if (sample.storage_assignment_id) {
          await new StorageClient(clientOptions(ctx.deps, 'storage-service')).releaseAssignment(sample.storage_assignment_id)
            .catch((err: unknown) => ctx.log(`release ${sample.storage_assignment_id} failed: ${describe(err)}`));
        }
        store.delete(sample.id);
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/samples/:id/sequence',
      handler: async (req) => {
        const sample = found(req.params['id']!);
        if (sample.status !== 'stored') throw new HttpError(409, `sample ${sample.id} is ${sample.status}; only stored samples can be sequenced`);
        const { platform } = parseBody(SequenceSchema, req.body);
        let jobId: string;
        try {
          jobId = (await new SequencingClient(clientOptions(ctx.deps, 'sequencing-service')).submitJob({ sample_id: sample.id, platform })).id;
        } catch (err) {
          throw new HttpError(502, `sequencing-service submit-job failed: ${describe(err)}`);
        }
        // The job_completed event may already have marked the sample sequenced: never move it back.
        const stillStored = store.get(sample.id)?.status === 'stored';
        const updated = store.update(sample.id, stillStored ? { status: 'sequencing', sequencing_job_id: jobId } : { sequencing_job_id: jobId }) ?? sample;
        return { status: 202, body: sampleView(updated, drift()) };
      },
    },
  ];
}
