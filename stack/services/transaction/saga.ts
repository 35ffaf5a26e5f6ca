/** One saga step: `run` does the work, `compensate` undoes it (called in reverse order when a later step fails). */
export interface SagaStep {
  readonly name: string;
  run(): Promise<void>;
  compensate(): Promise<void>;
}

export interface SagaOutcome {
  readonly status: 'completed' | 'compensated' | 'failed';
  /** e.g. ['create-sample', 'assign-storage', 'submit-job:failed', 'compensate:assign-storage', 'compensate:create-sample']. */
  readonly steps: string[];
  readonly error?: string;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Runs steps in order; on the first failure compensates the completed ones in reverse.
 * `compensated` when every compensation succeeded, `failed` when one of them failed too (left for an operator).
 * `onStep` sees the log as it grows (the transaction record shows progress while running).
 */
export async function runSaga(steps: readonly SagaStep[], onStep: (steps: string[]) => void = () => {}): Promise<SagaOutcome> {
  const log: string[] = [];
  const done: SagaStep[] = [];
  for (const step of steps) {
    try {
      await step.run();
      done.push(step);
      log.push(step.name);
      onStep([...log]);
    } catch (err) {
      log.push(`${step.name}:failed`);
      const error = `${step.name}: ${message(err)}`;
      let compensationFailed = false;
      for (const undo of done.reverse()) {
        try {
          await undo.compensate();
          log.push(`compensate:${undo.name}`);
        } catch (undoErr) {
          compensationFailed = true;
          log.push(`compensate:${undo.name}:failed`);
          onStep([...log]);
          return { status: 'failed', steps: log, error: `${error}; compensate ${undo.name}: ${message(undoErr)}` };
        }
        onStep([...log]);
      }
      return { status: compensationFailed ? 'failed' : 'compensated', steps: log, error };
    }
  }
  return { status: 'completed', steps: log };
}
