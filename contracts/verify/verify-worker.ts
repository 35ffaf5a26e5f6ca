/**
 * Child process entry: runs Pact's Verifier for each provider job in turn (pact-js is imported once) and
 * sends back each JSON result over IPC as soon as it has it.
 * It runs apart from the harness because the native verifier prints to stdout, and a provider that drops
 * the connection crashes pact-js's proxy (an uncaught error): both stay in this process.
 */
import { Verifier } from '@pact-foundation/pact';
import { VERIFICATIONS } from '../verifications.ts';
import { seedFromParams } from './catalog-states.ts';
import type { StateSetup } from './contract-verification.ts';
import { messageTopic } from './message-topic.ts';
import { createStateHook } from './state-hook.ts';
import type { WorkerJob, WorkerResult } from './worker-protocol.ts';

type JsonMap = Record<string, unknown>;

async function run(job: WorkerJob): Promise<WorkerResult> {
  const hook = createStateHook({ provider: job.provider, hookUrl: job.hookUrl, providerUrl: job.providerUrl });
  const modules = job.contracts.map((key) => VERIFICATIONS[key]).filter((m) => m !== undefined);
  const stateErrors: { state: string; message: string }[] = [];
  const stateHandlers: Record<string, (params?: unknown) => Promise<JsonMap | undefined>> = {};
  const handle = (state: string, setup: StateSetup) => async (params?: unknown) => {
    try {
      return (await setup(hook, (params ?? {}) as JsonMap)) ?? undefined;
    } catch (err) {
      stateErrors.push({ state, message: err instanceof Error ? err.message : String(err) });
      throw err;
    }
  };
  for (const module of modules) {
    for (const [state, setup] of Object.entries(module.states)) stateHandlers[state] = handle(state, setup);
  }
  // States of generated interactions: their params (the catalog example's seed) go to the hook; a module's setup wins.
  for (const state of job.catalogStates) stateHandlers[state] ??= handle(state, seedFromParams);
  // pact-js looks a message's producer up by its description; descriptions are not known in advance
  // (a broker hands them over), so each lookup resolves the event the description names from the catalog.
  const messageProviders = new Proxy({}, {
    get: (_target, description) => {
      const topic = typeof description === 'string' ? messageTopic(description, job.publishes) : undefined;
      return topic === undefined ? undefined : () => hook.produce(topic);
    },
  });
  const source = job.source.kind === 'files'
    ? { pactUrls: [...job.source.files] }
    : { pactBrokerUrl: job.source.brokerUrl, consumerVersionSelectors: [{ mainBranch: true }, { deployedOrReleased: true }], failIfNoPactsFound: true };
  const publish = job.publish
    ? { publishVerificationResult: true, providerVersion: job.publish.providerVersion, ...(job.publish.branch ? { providerVersionBranch: job.publish.branch } : {}) }
    : {};
  const verifier = new Verifier({
    provider: job.provider,
    providerBaseUrl: job.providerUrl,
    logLevel: 'error',
    timeout: job.timeoutMs,
    stateHandlers: stateHandlers as never,
    messageProviders: messageProviders as never,
    ...source,
    ...publish,
  });
  try {
    const json = await verifier.verifyProvider();
    return { provider: job.provider, verifierJson: String(json), stateErrors };
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    return text.trimStart().startsWith('{') ? { provider: job.provider, verifierJson: text, stateErrors } : { provider: job.provider, error: text, stateErrors };
  }
}

function send(result: WorkerResult): Promise<void> {
  return new Promise((resolve) => process.send?.(result, () => resolve()));
}

process.once('message', (jobs: WorkerJob[]) => {
  void (async () => {
    for (const job of jobs) await send(await run(job));
    process.exit(0);
  })();
});
