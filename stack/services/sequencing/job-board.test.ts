import { describe, expect, it } from 'vitest';
import { JobBoard, type Schedule } from './job-board.ts';

function manualClock(): { schedule: Schedule; tick(): void } {
  let pending: (() => void)[] = [];
  return {
    schedule: (fn) => {
      pending.push(fn);
      return { cancel: () => { pending = pending.filter((f) => f !== fn); } };
    },
    tick: () => {
      const due = pending;
      pending = [];
      for (const fn of due) fn();
    },
  };
}

describe('JobBoard', () => {
  it('moves a job queued -> running -> completed and reports completion once', () => {
    const clock = manualClock();
    const completed: string[] = [];
    const board = new JobBoard(100, (job) => completed.push(job.id), clock.schedule);
    const job = board.submit('s-1', 'NovaSeq 6000');
    expect(board.depth).toBe(1);
    clock.tick();
    expect(board.jobs.get(job.id)?.status).toBe('running');
    clock.tick();
    expect(board.jobs.get(job.id)?.status).toBe('completed');
    expect(completed).toEqual([job.id]);
    expect(board.depth).toBe(0);
  });

  it('cancels live jobs only, and a cancelled job never completes', () => {
    const clock = manualClock();
    const completed: string[] = [];
    const board = new JobBoard(100, (job) => completed.push(job.id), clock.schedule);
    const job = board.submit('s-1', 'MinION');
    expect(board.cancel(job.id)).toMatchObject({ cancelled: true, job: { status: 'cancelled' } });
    clock.tick();
    clock.tick();
    expect(completed).toEqual([]);
    expect(board.cancel(job.id)?.cancelled).toBe(false);
    expect(board.cancel('nope')).toBeUndefined();
  });
});
