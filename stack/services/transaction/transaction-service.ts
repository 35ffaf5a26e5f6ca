import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { SampleClient } from '../../clients/sample-client.ts';
import { SequencingClient } from '../../clients/sequencing-client.ts';
import { StorageClient } from '../../clients/storage-client.ts';
import { noEvents } from '../../runtime/admin.ts';
import { parseBody } from '../../runtime/body.ts';
import { clientOptions } from '../../runtime/deps.ts';
import { HttpError, type ServiceContext, type ServiceInstance, type ServiceModule } from '../../runtime/types.ts';
import { runSaga, type SagaStep } from './saga.ts';

const StartSchema = z.object({
  sample: z.object({ sample_type: z.string().min(1), barcode: z.string().min(1).optional() }),
  platform: z.string().min(1).default('NovaSeq 6000'),
});

interface TransactionRecord {
  id: string;
  status: 'running' | 'completed' | 'compensated' | 'failed';
  steps: string[];
  sample_id?: string;
  assignment_id?: string;
  job_id?: string;
  error?: string;
  created_at: string;
  finished_at?: string;
}

/** Transaction body (catalog/tracseq/schemas/transaction-list.json items); drift turns `steps` into one string. */
function view(t: TransactionRecord, drift: boolean): Record<string, unknown> {
  return { ...t, steps: drift ? t.steps.join(',') : t.steps };
}

function create(ctx: ServiceContext): ServiceInstance {
  const transactions = new Map<string, TransactionRecord>();
  const count = (pred: (t: TransactionRecord) => boolean) => [...transactions.values()].filter(pred).length;
  ctx.metrics.gauge('saga_active_transactions', 'Sagas in progress.', [], (g) => g.set(count((t) => t.status === 'running')));
  ctx.metrics.gauge('saga_failed_transactions', 'Sagas that did not complete (compensated or failed) since the last reset.', [], (g) => g.set(count((t) => t.status !== 'running' && t.status !== 'completed')));
  const drift = () => ctx.faults.current.drift;

  const steps = (t: TransactionRecord, input: z.infer<typeof StartSchema>): SagaStep[] => {
    const samples = new SampleClient(clientOptions(ctx.deps, 'sample-service'));
    const storage = new StorageClient(clientOptions(ctx.deps, 'storage-service'));
    const sequencing = new SequencingClient(clientOptions(ctx.deps, 'sequencing-service'));
    return [
      { name: 'create-sample', run: async () => { t.sample_id = (await samples.create({ ...input.sample, auto_assign: false })).id; }, compensate: () => samples.delete(t.sample_id!) },
      { name: 'assign-storage', run: async () => { t.assignment_id = (await storage.assignLocation(t.sample_id!)).id; }, compensate: () => storage.releaseAssignment(t.assignment_id!) },
      { name: 'submit-job', run: async () => { t.job_id = (await sequencing.submitJob({ sample_id: t.sample_id!, platform: input.platform })).id; }, compensate: async () => { await sequencing.cancelJob(t.job_id!); } },
    ];
  };

  return {
    routes: [
      { method: 'GET', path: '/api/v1/transactions', handler: () => ({ status: 200, body: { data: [...transactions.values()].map((t) => view(t, drift())) } }) },
      {
        method: 'GET',
        path: '/api/v1/transactions/:id',
        handler: (req) => {
          const t = transactions.get(req.params['id']!);
          if (!t) throw new HttpError(404, `no transaction ${req.params['id']}`);
          return { status: 200, body: view(t, drift()) };
        },
      },
      {
        method: 'POST',
        path: '/api/v1/transactions',
        handler: async (req) => {
          const input = parseBody(StartSchema, req.body);
          const t: TransactionRecord = { id: randomUUID(), status: 'running', steps: [], created_at: new Date().toISOString() };
          transactions.set(t.id, t);
          const outcome = await runSaga(steps(t, input), (log) => { t.steps = log; });
          Object.assign(t, { status: outcome.status, steps: outcome.steps, finished_at: new Date().toISOString() }, outcome.error ? { error: outcome.error } : {});
          if (outcome.status !== 'completed') ctx.log(`saga ${t.id} ${outcome.status}: ${outcome.error}`);
          return { status: outcome.status === 'completed' ? 201 : 502, body: view(t, drift()) };
        },
      },
    ],
    reset: () => transactions.clear(),
    seed: () => ({ transactions: transactions.size }),
    produce: noEvents(ctx.id),
  };
}

export const transactionService: ServiceModule = { database: true, create };
