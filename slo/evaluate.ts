import { judge, type Comparison, type SloEvaluation } from './judge.ts';
import { measure } from './measure.ts';
import type { Slo } from './model.ts';
import { planQueries, planSlo } from './plan.ts';
import { mapBounded } from './pool.ts';
import type { PromClient } from './prom/client.ts';
import { isUnreachable, type QueryResult } from './prom/result.ts';

export interface EvaluateOptions {
  /** The evaluation window in ms, or `'period'`: each SLO over its own period (rolling, or calendar from its start). */
  readonly windowMs: number | 'period';
  readonly at: Date;
  /** Queries in flight at once. Default 8. */
  readonly concurrency?: number;
  /** Stored values per SLO id for relative criteria; undefined when no comparison was asked for. */
  readonly comparison?: (sloId: string) => Comparison | undefined;
  readonly signal?: AbortSignal;
}

export interface EvaluationRun {
  readonly evaluations: SloEvaluation[];
  readonly queries: number;
  /** Set when Prometheus could not be used at all (the preflight failed): the one-line reason. */
  readonly unreachable?: string;
}

/**
 * Evaluates SLOs against a Prometheus API: a preflight `vector(1)` query, then every distinct
 * instant query with bounded concurrency (stopping once Prometheus becomes unreachable), then
 * the pure measure and judge steps.
 */
export async function evaluateSlos(client: PromClient, slos: readonly Slo[], options: EvaluateOptions): Promise<EvaluationRun> {
  const at = options.at.getTime() / 1000;
  const plans = slos.map((slo) => planSlo(slo, options.windowMs, options.at));
  const exprs = planQueries(plans);
  const preflight = await client.query('vector(1)', at, options.signal);
  let results: Map<string, QueryResult>;
  let unreachable: string | undefined;
  if (!preflight.ok) {
    const cut = preflight.kind === 'interrupted' ? 'SLOs not evaluated'
      : preflight.kind === 'unreachable' || preflight.kind === 'timeout' || preflight.kind === 'tls' ? 'Prometheus unreachable' : 'Prometheus API unusable';
    const where = preflight.message.includes(client.url) ? '' : ` at ${client.url}/api/v1/query`;
    unreachable = `${cut}${where}: ${preflight.message}`;
    const short = { ...preflight, message: preflight.kind === 'interrupted' ? 'not evaluated (the run was interrupted)' : `not evaluated (${cut.toLowerCase()}; see the suite reason)` };
    results = new Map(exprs.map((e) => [e, short]));
  } else {
    let broken = false;
    const answers = await mapBounded(exprs, options.concurrency ?? 8, async (expr) => {
      const r = await client.query(expr, at, options.signal);
      if (isUnreachable(r)) broken = true;
      return r;
    }, () => broken || options.signal?.aborted === true);
    results = new Map();
    exprs.forEach((e, i) => { if (answers[i]) results.set(e, answers[i]); });
  }
  const evaluations = plans.map((plan) => judge(measure(plan, (e) => results.get(e)), options.comparison?.(plan.slo.id)));
  return { evaluations, queries: exprs.length + 1, ...(unreachable ? { unreachable } : {}) };
}
