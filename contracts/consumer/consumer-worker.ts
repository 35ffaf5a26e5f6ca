/**
 * Child process entry of `contracts consumer`: runs every consumer contract (contracts/consumers.ts: the
 * hand-written ones the catalog asks for and those generated from its examples) with Pact's mock server and
 * sends each case's result over IPC as soon as it has it, then `done`. It runs apart from the harness so
 * that Pact's native core (and whatever it prints) stays out of the harness process. It needs no test
 * framework: only production dependencies.
 */
import type { ConsumerContract } from './consumer-contract.ts';
import { consumersFor } from '../consumers.ts';
import type { ConsumerJob, ConsumerMessage } from './consumer-protocol.ts';
import { runContract } from './run-contract.ts';

function send(message: ConsumerMessage): Promise<void> {
  return new Promise((resolve) => process.send?.(message, () => resolve()));
}

/** The contracts to run; a catalog whose examples cannot be turned into contracts is one failed case naming why. */
async function contractsOf(job: ConsumerJob): Promise<readonly ConsumerContract[]> {
  try {
    return consumersFor(job.catalog);
  } catch (err) {
    const details = (err as { details?: readonly string[] }).details ?? [];
    const message = [err instanceof Error ? err.message : String(err), ...details].join('\n');
    await send({ kind: 'case', result: { consumer: 'catalog', provider: 'examples', name: '(cases)', where: 'catalog examples', outcome: 'fail', message, durationMs: 0 } });
    return [];
  }
}

process.once('message', (job: ConsumerJob) => {
  void (async () => {
    const pending: Promise<void>[] = [];
    const contracts = await contractsOf(job);
    for (const contract of contracts) {
      await runContract(contract, job.catalog, job.pactsDir, (result) => pending.push(send({ kind: 'case', result })));
    }
    await Promise.all(pending);
    await send({ kind: 'done', contracts: contracts.length });
    process.exit(0);
  })();
});
