import { fileURLToPath } from 'node:url';
import { startChild } from '../../infra/process.ts';
import type { ProviderOutcome } from './verify-checks.ts';
import { parseVerifierOutput } from './verifier-output.ts';
import type { WorkerJob, WorkerResult } from './worker-protocol.ts';

const WORKER = fileURLToPath(new URL('./verify-worker.ts', import.meta.url));

export interface RunVerifierOptions {
  readonly signal: AbortSignal;
  /** Deadline for each provider's verification (ms). */
  readonly deadlineMs: number;
  readonly env: NodeJS.ProcessEnv;
  /** Receives the verifier's own console output, line by line (debug logging). */
  readonly onOutput?: (line: string) => void;
}

function outcomeOf(message: WorkerResult): ProviderOutcome {
  if (message.verifierJson === undefined) return { kind: 'crashed', message: `verifier could not run: ${message.error ?? 'no result'}` };
  const parsed = parseVerifierOutput(message.verifierJson);
  return parsed.ok ? { kind: 'verified', output: parsed.value, stateErrors: message.stateErrors } : { kind: 'crashed', message: parsed.error };
}

/**
 * Verifies each job's provider, in order, in one child process (pact-js is imported once). A child that
 * dies or passes a provider's deadline costs that provider only: it is `crashed` (with the tail of the
 * child's output) and a fresh child takes the remaining jobs. Aborting kills the child.
 */
export async function runVerifiers(jobs: readonly WorkerJob[], options: RunVerifierOptions): Promise<ProviderOutcome[]> {
  const outcomes: ProviderOutcome[] = [];
  while (outcomes.length < jobs.length) {
    if (options.signal.aborted) {
      outcomes.push({ kind: 'crashed', message: 'verification interrupted', cause: 'interrupted' });
      continue;
    }
    outcomes.push(...(await runBatch(jobs.slice(outcomes.length), options)));
  }
  return outcomes;
}

/** Results for a prefix of `jobs` (at least one: the job in progress when the child died is `crashed`). */
function runBatch(jobs: readonly WorkerJob[], options: RunVerifierOptions): Promise<ProviderOutcome[]> {
  return new Promise((resolve) => {
    const child = startChild({
      command: WORKER,
      node: true,
      label: 'pact verifier',
      execArgv: ['--no-warnings'],
      env: { ...options.env, PACT_DO_NOT_TRACK: 'true' },
      tailLines: 20,
      ...(options.onOutput ? { onLine: options.onOutput } : {}),
    });
    const results: ProviderOutcome[] = [];
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (last?: ProviderOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      void child.stop(0, 'SIGKILL');
      resolve(last && results.length < jobs.length ? [...results, last] : results);
    };
    const current = () => jobs[results.length]?.provider ?? 'the verifier';
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish({ kind: 'crashed', message: `verification of ${current()} did not finish within ${options.deadlineMs} ms`, cause: 'timeout' }), options.deadlineMs);
    };
    const onAbort = () => finish({ kind: 'crashed', message: 'verification interrupted', cause: 'interrupted' });
    options.signal.addEventListener('abort', onAbort, { once: true });
    child.handle.on('message', (message: WorkerResult) => {
      results.push(outcomeOf(message));
      if (results.length === jobs.length) finish();
      else arm();
    });
    void child.exited.then(({ code, signal, error }) => {
      const tail = child.tail().split('\n');
      const last = error ?? (tail.filter((l) => /error/i.test(l)).slice(-2).join(' | ') || tail.slice(-2).join(' | '));
      finish({ kind: 'crashed', message: `verifier process for ${current()} exited (${signal ?? `code ${code}`}) without a result${last ? `: ${last}` : ''}` });
    });
    arm();
    child.handle.send(jobs, () => {}); // a child that died first is reported from its exit
  });
}
