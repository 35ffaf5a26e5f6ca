import { catalogEdges } from '../core/catalog/edges.ts';
import type { Check, SuiteResultOf } from '../core/result.ts';
import { suiteOutcome } from '../core/result.ts';
import { PROJECT_ROOT, type SuiteContext, type SuiteRunner } from '../core/suite.ts';
import { brokerConfig } from './broker/broker-args.ts';
import type { ContractsData, ContractsTimings } from './data.ts';
import { consumerChecks } from './consumer/consumer-checks.ts';
import { runConsumerTests } from './consumer/run-consumer-tests.ts';
import { matrixPath } from './matrix/matrix-store.ts';
import type { ContractsOptions } from './options.ts';
import { loadPacts } from './pact/load-pacts.ts';
import { pactsDir as defaultPactsDir } from './pact/pacts-dir.ts';
import { publishPacts } from './publish.ts';
import { runBroker } from './run-broker.ts';
import { runFiles } from './run-files.ts';
import { gitSha } from './versions.ts';

export type { ContractsOptions } from './options.ts';

/**
 * The contracts suite: (1) regenerate the pacts with the consumer tests (unless told to use a folder or a
 * broker), (2) check coverage against the catalog's edges, (3) verify each provider at its resolved URL,
 * (4) record the verification matrix. An empty or missing pacts folder throws (exit 3); a corrupt pact
 * throws a ConfigError naming the file (exit 2). A catalog whose services exchange nothing (no HTTP
 * dependency, no event) has no contract to check: the suite is skipped with that reason, never passed.
 */
export const runContracts: SuiteRunner<ContractsOptions, 'contracts'> = async (ctx, options) => {
  const start = ctx.now();
  const sha = (await gitSha(PROJECT_ROOT)) ?? 'unknown';
  const consumerVersion = options.consumerVersion ?? sha;
  const providerVersion = options.providerVersion ?? sha;
  const checks: Check[] = [];
  const timings: ContractsTimings = {};
  let data: Omit<ContractsData, 'timings'>;
  if (options.broker === undefined && !options.useExistingPacts && catalogEdges(ctx.resolved.catalog).length === 0) {
    const reason = `catalog ${ctx.resolved.catalog.system} declares no interaction between its services (no dependencies.http, consumes, or published events with events.bus): no contract to check`;
    return { ...finish(ctx, start, [], { source: 'catalog', timings }), outcome: 'skip', reason };
  }

  if (options.broker !== undefined) {
    const broker = brokerConfig(ctx.env, options.broker)!;
    const t0 = Date.now();
    checks.push(...(await runBroker(ctx, { broker, providers: options.providers, providerVersion })));
    timings['verifyMs'] = Date.now() - t0;
    data = { source: broker.baseUrl, providerVersion };
  } else {
    const dir = options.pactsDir ?? defaultPactsDir(ctx.env);
    if (!options.useExistingPacts) {
      const t0 = Date.now();
      ctx.log(`contracts: running the consumer tests into ${dir}`);
      const report = await runConsumerTests({ catalog: ctx.resolved.catalog, pactsDir: dir, env: ctx.env, signal: ctx.signal, log: ctx.log }).catch((err: unknown) => {
        if (ctx.signal.aborted) return undefined;
        throw err;
      });
      timings['consumerMs'] = Date.now() - t0;
      if (report) checks.push(...consumerChecks(report, timings['consumerMs']));
    }
    if (ctx.signal.aborted) return finish(ctx, start, checks, { source: dir, timings });
    const pacts = await loadPacts(dir);
    const broker = brokerConfig(ctx.env);
    if (broker && !options.useExistingPacts) checks.push(await publishPacts(ctx, broker, dir, consumerVersion));
    const matrixFile = options.matrixFile ?? matrixPath(ctx.env);
    const out = await runFiles(ctx, { pacts, providers: options.providers, consumerVersion, providerVersion, matrixFile });
    timings['verifyMs'] = out.verifyMs;
    checks.push(...out.checks);
    data = {
      source: dir,
      consumerVersion,
      providerVersion,
      matrixFile,
      pacts: pacts.map((p) => ({ file: p.file, consumer: p.pact.consumer.name, provider: p.pact.provider.name, interactions: p.pact.interactions.length, hash: p.hash })),
      matrix: out.rows,
    };
  }
  return finish(ctx, start, checks, { ...data, timings });
};

/** The suite result; an interrupted run is inconclusive with what it had, never a pass. */
function finish(ctx: SuiteContext, start: Date, checks: Check[], data: ContractsData): SuiteResultOf<'contracts'> {
  return {
    suite: 'contracts',
    outcome: ctx.signal.aborted ? 'inconclusive' : suiteOutcome(checks),
    startedAt: start.toISOString(),
    durationMs: Math.max(0, ctx.now().getTime() - start.getTime()),
    checks,
    ...(ctx.signal.aborted ? { reason: 'interrupted before the contracts suite finished' } : {}),
    data,
  };
}
