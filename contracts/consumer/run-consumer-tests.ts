import { mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Catalog } from '../../core/catalog/schema.ts';
import { UnreachableError } from '../../core/errors.ts';
import { startChild } from '../../infra/process.ts';
import type { CaseResult, ConsumerReport } from './case-result.ts';
import type { ConsumerJob, ConsumerMessage } from './consumer-protocol.ts';

const WORKER = fileURLToPath(new URL('./consumer-worker.ts', import.meta.url));

export interface ConsumerRunOptions {
  readonly catalog: Catalog;
  readonly pactsDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly signal: AbortSignal;
  readonly log: (line: string) => void;
  readonly timeoutMs?: number;
}

/**
 * Regenerates the pacts: empties the pacts folder, then runs every consumer contract in a child process
 * (contracts/consumer/consumer-worker.ts, production dependencies only) and collects each case's result.
 * A worker that stops before it ran every contract is an UnreachableError (exit 3) with its last output.
 */
export async function runConsumerTests(options: ConsumerRunOptions): Promise<ConsumerReport> {
  await rm(options.pactsDir, { recursive: true, force: true });
  await mkdir(options.pactsDir, { recursive: true });
  const child = startChild({
    command: WORKER,
    node: true,
    label: 'pact consumer tests',
    execArgv: ['--no-warnings'],
    env: { ...options.env, PACT_DO_NOT_TRACK: 'true' },
    signal: options.signal,
    tailLines: 20,
  });
  const cases: CaseResult[] = [];
  let contracts: number | undefined;
  child.handle.on('message', (message: ConsumerMessage) => {
    if (message.kind === 'case') cases.push(message.result);
    else contracts = message.contracts;
  });
  const timeoutMs = options.timeoutMs ?? 300_000;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void child.stop(2_000);
  }, timeoutMs);
  // The IPC channel closes after the child's last message was read: wait for both that and the exit.
  const disconnected = new Promise<void>((resolve) => (child.handle.connected ? child.handle.once('disconnect', () => resolve()) : resolve()));
  const job: ConsumerJob = { catalog: options.catalog, pactsDir: options.pactsDir };
  child.handle.send(job, () => {}); // a child that died first is reported from its exit below
  const [exit] = await Promise.all([child.exited, disconnected]);
  clearTimeout(timer);
  if (contracts === undefined) {
    const how = timedOut ? `did not finish within ${timeoutMs} ms` : `stopped (${exit.error ?? exit.signal ?? `exit ${exit.code}`})`;
    const last = child.tail().split('\n').slice(-5).join(' | ');
    throw new UnreachableError(`consumer tests ${how} after ${cases.length} case(s)${last ? `: ${last}` : ''}`);
  }
  const failed = cases.filter((c) => c.outcome === 'fail').length;
  options.log(`consumer tests: ${cases.length - failed}/${cases.length} passed`);
  return { cases, contracts };
}
