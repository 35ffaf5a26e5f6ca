import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ProviderOutcome } from './verify-checks.ts';
import { parseVerifierOutput } from './verifier-output.ts';
import type { WorkerJob, WorkerResult } from './worker-protocol.ts';

const WORKER = fileURLToPath(new URL('./verify-worker.ts', import.meta.url));

export interface RunVerifierOptions {
  readonly signal: AbortSignal;
  /** Deadline for the whole provider verification (ms). */
  readonly deadlineMs: number;
  readonly env: NodeJS.ProcessEnv;
  /** Receives the verifier's own console output, line by line (debug logging). */
  readonly onOutput?: (line: string) => void;
}

/**
 * Runs the verifier for one provider in a child process and turns what comes back into a ProviderOutcome.
 * The child is killed on abort or at the deadline; a child that dies without a result is `crashed`,
 * with the tail of its output as the reason.
 */
export function runVerifier(job: WorkerJob, options: RunVerifierOptions): Promise<ProviderOutcome> {
  return new Promise((resolve) => {
    const child = fork(WORKER, [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: { ...options.env, PACT_DO_NOT_TRACK: 'true' }, execArgv: ['--no-warnings'] });
    const tail: string[] = [];
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        options.onOutput?.(line);
        tail.push(line);
        if (tail.length > 20) tail.shift();
      }
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let settled = false;
    const finish = (outcome: ProviderOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      if (child.exitCode === null) child.kill('SIGKILL');
      resolve(outcome);
    };
    const onAbort = () => finish({ kind: 'crashed', message: 'verification interrupted', cause: 'interrupted' });
    const timer = setTimeout(() => finish({ kind: 'crashed', message: `verification of ${job.provider} did not finish within ${options.deadlineMs} ms`, cause: 'timeout' }), options.deadlineMs);
    options.signal.addEventListener('abort', onAbort, { once: true });
    child.on('message', (message: WorkerResult) => {
      if (message.verifierJson === undefined) return finish({ kind: 'crashed', message: `verifier could not run: ${message.error ?? 'no result'}` });
      const parsed = parseVerifierOutput(message.verifierJson);
      finish(parsed.ok ? { kind: 'verified', output: parsed.value, stateErrors: message.stateErrors } : { kind: 'crashed', message: parsed.error });
    });
    child.on('close', (code, signal) => {
      const last = tail.filter((l) => /error/i.test(l)).slice(-2).join(' | ') || tail.slice(-2).join(' | ');
      finish({ kind: 'crashed', message: `verifier process for ${job.provider} exited (${signal ?? `code ${code}`}) without a result${last ? `: ${last}` : ''}` });
    });
    child.send(job);
  });
}
