import { isoNow, type ProduceOptions } from './envelope.ts';

export const JOB_SUBMITTED = 'sequencing.job_submitted';
export const JOB_COMPLETED = 'sequencing.job_completed';

export interface JobLike {
  readonly id: string;
  readonly sample_id: string;
  readonly platform: string;
  readonly status: string;
}

/** sequencing.job_submitted (drift: job_id -> jobId). */
export function buildJobSubmitted(job: JobLike, options: ProduceOptions = {}): Record<string, unknown> {
  return { [options.drift ? 'jobId' : 'job_id']: job.id, sample_id: job.sample_id, platform: job.platform, status: job.status, submitted_at: isoNow(options) };
}

/** sequencing.job_completed (drift: job_id -> jobId, and status becomes a number). */
export function buildJobCompleted(job: JobLike, options: ProduceOptions = {}): Record<string, unknown> {
  return {
    [options.drift ? 'jobId' : 'job_id']: job.id,
    sample_id: job.sample_id,
    platform: job.platform,
    status: options.drift ? 2 : 'completed',
    completed_at: isoNow(options),
  };
}
