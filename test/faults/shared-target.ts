import { join } from 'node:path';
import { LOCAL_RATE_LIMIT } from '../../gate/local-target.ts';
import { NO_FAULTS } from '../../stack/faults/faults.ts';
import { startStack, type RunningStack } from '../../stack/launcher.ts';
import { runCli } from '../helpers/cli.ts';

/**
 * One reference stack for every run-time fault of the matrix (faults are set and cleared through
 * the loopback admin endpoints between rows), and the pacts, generated once by the consumer tests
 * and verified by every gate run (`--pacts`).
 */
export interface SharedTarget {
  readonly stack: RunningStack;
  readonly pacts: string;
  /** `<ID>_URL` for every service: the gate's target. */
  readonly env: Readonly<Record<string, string>>;
  /** Clears every run-time fault and every service's data; resets the gateway's breakers, limiter and token cache. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export async function startSharedTarget(dir: string): Promise<SharedTarget> {
  const pacts = join(dir, 'pacts');
  const [stack, consumer] = await Promise.allSettled([
    startStack({ portBase: 0, rateLimit: { ...LOCAL_RATE_LIMIT } }),
    runCli(['contracts', 'consumer', '--pacts', pacts], { timeoutMs: 120_000 }),
  ]);
  if (stack.status === 'rejected') throw stack.reason;
  if (consumer.status === 'rejected' || consumer.value.code !== 0) {
    await stack.value.stop();
    const why = consumer.status === 'rejected' ? String(consumer.reason) : consumer.value.stdout + consumer.value.stderr;
    throw new Error(`the consumer tests did not write the pacts: ${why.slice(-2000)}`);
  }
  const running = stack.value;
  return {
    stack: running,
    pacts,
    env: running.env,
    reset: async () => {
      await Promise.all(running.started.map((id) => running.setFaults(id, { ...NO_FAULTS })));
      await Promise.all(running.started.map((id) => running.admin(id, 'reset')));
    },
    stop: () => running.stop(),
  };
}
