import type { Endpoint } from '../../core/catalog/schema.ts';
import { HttpError, type Reply, type Route, type ServiceContext, type ServiceInstance, type ServiceModule } from '../runtime/types.ts';
import { answerReply, drifted, exampleAnswers, pickAnswer, routeTemplate } from './generic/example-answers.ts';

/** A catalog endpoint's answer: its `example` (a body that satisfies its schema) with its status, or 501 naming what is missing. */
export function exampleReply(id: string, endpoint: Endpoint, drift = false): Reply {
  if (endpoint.example !== undefined) return { status: endpoint.status, body: drift ? drifted(endpoint.example) : endpoint.example };
  return { status: 501, body: { error: `${id} has no reference implementation of ${endpoint.method} ${endpoint.path} and the catalog gives no example` } };
}

/** Routes for the example calls other services make to this one, on the routes its own endpoints do not serve. */
function answerRoutes(ctx: ServiceContext, taken: ReadonlySet<string>): Route[] {
  const byRoute = new Map<string, ReturnType<typeof exampleAnswers>>();
  for (const answer of exampleAnswers(ctx.catalog, ctx.id)) {
    const key = `${answer.method} ${answer.route}`;
    if (!taken.has(key)) byRoute.set(key, [...(byRoute.get(key) ?? []), answer]);
  }
  return [...byRoute.values()].map((answers) => ({
    method: answers[0]!.method,
    path: answers[0]!.route,
    handler: (req) => answerReply(pickAnswer(answers, req), ctx.faults.current.drift),
  }));
}

/** The message this service publishes for `event`: its catalog example (drifted under the drift fault), or 404. */
function produceExample(ctx: ServiceContext): (event: string) => unknown {
  return (event) => {
    const published = ctx.service.dependencies.publishes.find((p) => p.event === event);
    if (published?.example === undefined) throw new HttpError(404, `${ctx.id} has no example of event "${event}" in the catalog`);
    return ctx.faults.current.drift ? drifted(published.example) : published.example;
  };
}

/**
 * For a catalog service the reference stack has no implementation of: it answers health and metrics; each
 * catalog endpoint with the endpoint's `example:` (so a catalog-only service is served), or 501 when the
 * catalog gives none, so a smoke run reports exactly what is missing; each example call another service's
 * `dependencies.http[].example` makes to it, with that example's response (so generated pacts verify); and
 * produces each event it publishes as the event's example. Stateless: provider states and seeds are accepted
 * and ignored. The drift fault renames the first field of every answer and event.
 */
function create(ctx: ServiceContext): ServiceInstance {
  const own: Route[] = ctx.service.endpoints.map((e) => ({
    method: e.method,
    path: routeTemplate(e.path),
    handler: () => exampleReply(ctx.id, e, ctx.faults.current.drift),
  }));
  return {
    routes: [...own, ...answerRoutes(ctx, new Set(own.map((r) => `${r.method} ${r.path}`)))],
    reset: () => {},
    seed: () => ({}),
    produce: produceExample(ctx),
  };
}

export const genericService: ServiceModule = { database: false, create };
