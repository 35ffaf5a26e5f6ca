import { randomUUID } from 'node:crypto';

export const JOB_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface JobRecord {
  readonly id: string;
  readonly sample_id: string;
  readonly platform: string;
  readonly status: JobStatus;
  readonly created_at: string;
  readonly updated_at: string;
}

export type Schedule = (fn: () => void, ms: number) => { cancel(): void };

export const realSchedule: Schedule = (fn, ms) => {
  const timer = setTimeout(fn, ms);
  timer.unref();
  return { cancel: () => clearTimeout(timer) };
};

/**
 * Sequencing jobs: queued -> running -> completed, one step every `stepMs`; cancel stops a live job.
 * `onCompleted` runs when a job completes (the service notifies and publishes). The scheduler is injected.
 */
export class JobBoard {
  readonly jobs = new Map<string, JobRecord>();
  readonly #timers = new Map<string, { cancel(): void }>();
  readonly #stepMs: number;
  readonly #schedule: Schedule;
  readonly #onCompleted: (job: JobRecord) => void;

  constructor(stepMs: number, onCompleted: (job: JobRecord) => void, schedule: Schedule = realSchedule) {
    this.#stepMs = stepMs;
    this.#onCompleted = onCompleted;
    this.#schedule = schedule;
  }

  /** Jobs not yet finished (the sequencing_queue_depth gauge). */
  get depth(): number {
    let n = 0;
    for (const job of this.jobs.values()) if (job.status === 'queued' || job.status === 'running') n += 1;
    return n;
  }

  submit(sampleId: string, platform: string, now: Date = new Date()): JobRecord {
    const at = now.toISOString();
    const job: JobRecord = { id: randomUUID(), sample_id: sampleId, platform, status: 'queued', created_at: at, updated_at: at };
    this.jobs.set(job.id, job);
    this.#next(job.id);
    return job;
  }

  /** Puts a job in place as is (provider states); live jobs keep moving. */
  put(job: JobRecord): void {
    this.#timers.get(job.id)?.cancel();
    this.jobs.set(job.id, job);
    if (job.status === 'queued' || job.status === 'running') this.#next(job.id);
  }

  /** Cancels a queued or running job; returns undefined when it is unknown, the job unchanged when already finished. */
  cancel(id: string): { job: JobRecord; cancelled: boolean } | undefined {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    if (job.status !== 'queued' && job.status !== 'running') return { job, cancelled: false };
    this.#timers.get(id)?.cancel();
    this.#timers.delete(id);
    return { job: this.#set(id, 'cancelled'), cancelled: true };
  }

  clear(): void {
    for (const timer of this.#timers.values()) timer.cancel();
    this.#timers.clear();
    this.jobs.clear();
  }

  #next(id: string): void {
    this.#timers.set(id, this.#schedule(() => this.#advance(id), this.#stepMs));
  }

  #advance(id: string): void {
    this.#timers.delete(id);
    const job = this.jobs.get(id);
    if (job?.status === 'queued') {
      this.#set(id, 'running');
      this.#next(id);
    } else if (job?.status === 'running') {
      this.#onCompleted(this.#set(id, 'completed'));
    }
  }

  #set(id: string, status: JobStatus): JobRecord {
    const job = { ...this.jobs.get(id)!, status, updated_at: new Date().toISOString() };
    this.jobs.set(id, job);
    return job;
  }
}
