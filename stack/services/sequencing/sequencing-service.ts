import { z } from 'zod';
import { NotificationClient } from '../../clients/notification-client.ts';
import { buildJobCompleted, buildJobSubmitted, JOB_COMPLETED, JOB_SUBMITTED } from '../../events/sequencing-events.ts';
import { parseBody } from '../../runtime/body.ts';
import { clientOptions } from '../../runtime/deps.ts';
import { parseListQuery } from '../../runtime/list-query.ts';
import { publish } from '../../runtime/events.ts';
import { describe } from '../../runtime/probes.ts';
import { HttpError, type ServiceContext, type ServiceInstance, type ServiceModule } from '../../runtime/types.ts';
import { JOB_STATUSES, JobBoard, type JobRecord } from './job-board.ts';

const SubmitSchema = z.object({ sample_id: z.string().min(1), platform: z.string().min(1).default('NovaSeq 6000') });
const JobSeed = z.object({ id: z.string().min(1), sample_id: z.string().min(1), status: z.enum(JOB_STATUSES).default('queued'), platform: z.string().min(1).default('NovaSeq 6000') });
const SeedSchema = z.strictObject({ jobs: z.array(JobSeed).default([]) });
const ProduceSchema = JobSeed.extend({ id: z.string().min(1).default('job-0001'), sample_id: z.string().min(1).default('sample-0001') });

/** The Job body (catalog/tracseq/schemas/job-list.json items); drift renames `status` to `state`. */
export function jobView(job: JobRecord, drift: boolean): Record<string, unknown> {
  return { id: job.id, sample_id: job.sample_id, [drift ? 'state' : 'status']: job.status, platform: job.platform, created_at: job.created_at, updated_at: job.updated_at };
}

function create(ctx: ServiceContext): ServiceInstance {
  const drift = () => ctx.faults.current.drift;
  const completed = async (job: JobRecord) => {
    try {
      await new NotificationClient(clientOptions(ctx.deps, 'notification-service')).send({
        channel: 'email',
        recipient: 'lab-team@lab.local',
        subject: `Sequencing job ${job.id} completed`,
        body: `Sample ${job.sample_id} finished sequencing on ${job.platform}.`,
      });
    } catch (err) {
      ctx.log(`notify completion of ${job.id} failed: ${describe(err)}`);
    }
    await publish(ctx, JOB_COMPLETED, buildJobCompleted(job, { drift: drift() }));
  };
  const board = new JobBoard(ctx.settings.sequencingStepMs, (job) => void completed(job));
  ctx.metrics.gauge('sequencing_queue_depth', 'Sequencing jobs queued or running.', [], (g) => g.set(board.depth));
  const found = (id: string) => {
    const job = board.jobs.get(id);
    if (!job) throw new HttpError(404, `no sequencing job ${id}`);
    return job;
  };
  return {
    routes: [
      {
        method: 'GET',
        path: '/api/v1/sequencing/jobs',
        handler: (req) => {
          // `?status=&limit=&offset=` as on samples: a page, so a list costs its own size, not the board's.
          const query = parseListQuery(req.search);
          const page: JobRecord[] = [];
          let total = 0;
          for (const job of board.jobs.values()) {
            if (query.status && job.status !== query.status) continue;
            if (total >= query.offset && page.length < query.limit) page.push(job);
            total += 1;
          }
          return { status: 200, body: { data: page.map((j) => jobView(j, drift())), total } };
        },
      },
      {
        method: 'POST',
        path: '/api/v1/sequencing/jobs',
        handler: async (req) => {
          const input = parseBody(SubmitSchema, req.body);
          const job = board.submit(input.sample_id, input.platform);
          await publish(ctx, JOB_SUBMITTED, buildJobSubmitted(job, { drift: drift() }));
          return { status: 201, body: jobView(job, drift()) };
        },
      },
      { method: 'GET', path: '/api/v1/sequencing/jobs/:id', handler: (req) => ({ status: 200, body: jobView(found(req.params['id']!), drift()) }) },
      {
        method: 'DELETE',
        path: '/api/v1/sequencing/jobs/:id',
        handler: (req) => {
          const result = board.cancel(found(req.params['id']!).id)!;
          if (!result.cancelled) throw new HttpError(409, `job ${result.job.id} is ${result.job.status}; only queued or running jobs can be cancelled`);
          return { status: 200, body: jobView(result.job, drift()) };
        },
      },
    ],
    reset: () => board.clear(),
    seed: (body) => {
      const now = new Date().toISOString();
      for (const j of parseBody(SeedSchema, body).jobs) board.put({ ...j, created_at: now, updated_at: now });
      return { jobs: board.jobs.size };
    },
    produce: (event, data) => {
      const j = parseBody(ProduceSchema, data);
      const job = { ...j, created_at: new Date().toISOString(), updated_at: new Date().toISOString() };
      if (event === JOB_SUBMITTED) return buildJobSubmitted(job, { drift: drift() });
      if (event === JOB_COMPLETED) return buildJobCompleted({ ...job, status: 'completed' }, { drift: drift() });
      throw new HttpError(404, `sequencing-service produces ${JOB_SUBMITTED} and ${JOB_COMPLETED}, not "${event}"`);
    },
  };
}

export const sequencingService: ServiceModule = { database: true, create };
