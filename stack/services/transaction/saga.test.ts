import { describe, expect, it } from 'vitest';
import { runSaga, type SagaStep } from './saga.ts';

function steps(failAt: string | undefined, failCompensation?: string): { steps: SagaStep[]; calls: string[] } {
  const calls: string[] = [];
  const step = (name: string): SagaStep => ({
    name,
    run: async () => {
      calls.push(`run ${name}`);
      if (name === failAt) throw new Error(`${name} broke`);
    },
    compensate: async () => {
      calls.push(`undo ${name}`);
      if (name === failCompensation) throw new Error(`undo ${name} broke`);
    },
  });
  return { steps: ['a', 'b', 'c'].map(step), calls };
}

describe('runSaga', () => {
  it('runs every step in order when none fails', async () => {
    const { steps: s, calls } = steps(undefined);
    expect(await runSaga(s)).toEqual({ status: 'completed', steps: ['a', 'b', 'c'] });
    expect(calls).toEqual(['run a', 'run b', 'run c']);
  });

  it('compensates the completed steps in reverse when a step fails', async () => {
    const { steps: s, calls } = steps('c');
    expect(await runSaga(s)).toEqual({ status: 'compensated', steps: ['a', 'b', 'c:failed', 'compensate:b', 'compensate:a'], error: 'c: c broke' });
    expect(calls).toEqual(['run a', 'run b', 'run c', 'undo b', 'undo a']);
  });

  it('compensates nothing when the first step fails', async () => {
    expect(await runSaga(steps('a').steps)).toEqual({ status: 'compensated', steps: ['a:failed'], error: 'a: a broke' });
  });

  it('reports failed, and stops, when a compensation fails too', async () => {
    const { steps: s, calls } = steps('c', 'b');
    const outcome = await runSaga(s);
    expect(outcome.status).toBe('failed');
    expect(outcome.steps).toEqual(['a', 'b', 'c:failed', 'compensate:b:failed']);
    expect(outcome.error).toBe('c: c broke; compensate b: undo b broke');
    expect(calls).not.toContain('undo a');
  });
});
