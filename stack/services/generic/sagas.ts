import type { Endpoint, HttpDependency, Saga } from '../../../core/catalog/schema.ts';
import { sendJson } from '../../clients/http.ts';
import type { Database } from '../../runtime/database.ts';
import { clientOptions } from '../../runtime/deps.ts';
import type { Reply, ServiceContext } from '../../runtime/types.ts';
import { runSaga, type SagaOutcome, type SagaStep } from '../transaction/saga.ts';

const OUTCOMES = ['completed', 'compensated', 'failed'] as const;

/** A dependency's example request as a path (params filled, query appended), body and headers. */
export function exampleRequest(dep: HttpDependency): { path: string; body: unknown; headers: Record<string, string> } {
  const request = dep.example?.request;
  const params = request?.params ?? {};
  const path = dep.path.replace(/\{([^}/]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? name));
  const query = new URLSearchParams(request?.query ?? {}).toString();
  return { path: query ? `${path}?${query}` : path, body: request?.body, headers: { ...request?.headers } };
}

/** Calls dependency `dep` as its example shows; anything but 2xx throws naming the provider and status. */
async function callExample(ctx: ServiceContext, dep: HttpDependency): Promise<void> {
  const { path, body, headers } = exampleRequest(dep);
  const answer = await sendJson({ ...clientOptions(ctx.deps, dep.to), headers }, dep.method, path, body);
  if (answer.status < 200 || answer.status >= 300) throw new Error(`${dep.to} answered ${answer.status} to ${dep.name} (${dep.method} ${path})`);
}

/**
 * The sagas of a service's endpoints (`endpoints[].saga`): each step calls an HTTP dependency as its example
 * shows (compensated in reverse by its `compensate` dependency when a later step fails), then the service's own
 * database write, which the saga-failures fault fails. Counted in `saga_transactions_total{saga,outcome}`,
 * `saga_active_transactions` (in flight) and `saga_failed_transactions` (not completed, since the last reset).
 */
export class Sagas {
  readonly #ctx: ServiceContext;
  readonly #db: Database | undefined;
  #active = 0;
  #failed = 0;
  readonly #total;

  constructor(ctx: ServiceContext, db: Database | undefined) {
    this.#ctx = ctx;
    this.#db = db;
    const names = ctx.service.endpoints.flatMap((e) => (e.saga ? [e.saga.name] : []));
    this.#total = ctx.metrics.counter('saga_transactions_total', 'Sagas finished, by saga and outcome (completed, compensated, failed).', ['saga', 'outcome']);
    for (const saga of names) for (const outcome of OUTCOMES) this.#total.labels({ saga, outcome }).inc(0);
    ctx.metrics.gauge('saga_active_transactions', 'Sagas in progress.', [], (g) => g.set(this.#active));
    ctx.metrics.gauge('saga_failed_transactions', 'Sagas that did not complete (compensated or failed) since the last reset.', [], (g) => g.set(this.#failed));
  }

  #steps(saga: Saga): SagaStep[] {
    const dep = (name: string) => this.#ctx.service.dependencies.http.find((d) => d.name === name)!;
    const remote = saga.steps.map((step): SagaStep => ({
      name: step.call,
      run: () => callExample(this.#ctx, dep(step.call)),
      compensate: step.compensate === undefined ? async () => {} : () => callExample(this.#ctx, dep(step.compensate!)),
    }));
    const commit: SagaStep = {
      name: 'database',
      run: async () => {
        if (this.#ctx.faults.sagaFails()) throw new Error(`${this.#ctx.id} database write failed (saga-failures fault)`);
        await this.#db?.query(`saga ${saga.name}`);
      },
      compensate: async () => {},
    };
    return [...remote, commit];
  }

  /** Runs the endpoint's saga; undefined when it completed, else the answer saying how it ended (409 compensated, 500 failed). */
  async run(endpoint: Endpoint): Promise<Reply | undefined> {
    const saga = endpoint.saga!;
    this.#active += 1;
    let outcome: SagaOutcome;
    try {
      outcome = await runSaga(this.#steps(saga));
    } finally {
      this.#active -= 1;
    }
    this.#total.inc({ saga: saga.name, outcome: outcome.status });
    if (outcome.status === 'completed') return undefined;
    this.#failed += 1;
    const body = { error: `saga ${saga.name} ${outcome.status}: ${outcome.error ?? 'unknown error'}`, saga: saga.name, steps: outcome.steps };
    return { status: outcome.status === 'compensated' ? 409 : 500, body };
  }

  reset(): void {
    this.#failed = 0;
  }
}
