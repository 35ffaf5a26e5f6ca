/**
 * Child process entry of `contracts consumer`: runs every consumer contract (contracts/consumers.ts) with
 * Pact's mock server and sends each case's result over IPC as soon as it has it, then `done`. It runs apart
 * from the harness so that Pact's native core (and whatever it prints) stays out of the harness process.
 * It needs no test framework: only production dependencies.
 */
import { CONSUMERS } from '../consumers.ts';
import type { ConsumerJob, ConsumerMessage } from './consumer-protocol.ts';
import { runContract } from './run-contract.ts';

function send(message: ConsumerMessage): Promise<void> {
  return new Promise((resolve) => process.send?.(message, () => resolve()));
}

process.once('message', (job: ConsumerJob) => {
  void (async () => {
    const pending: Promise<void>[] = [];
    for (const contract of CONSUMERS) {
      await runContract(contract, job.catalog, job.pactsDir, (result) => pending.push(send({ kind: 'case', result })));
    }
    await Promise.all(pending);
    await send({ kind: 'done', contracts: CONSUMERS.length });
    process.exit(0);
  })();
});
