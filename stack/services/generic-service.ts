import type { Endpoint } from '../../core/catalog/schema.ts';
import type { Database } from '../runtime/database.ts';
import type { DependencyHealth } from '../runtime/health-types.ts';
import { publish, subscribeConsumed } from '../runtime/events.ts';
import { HttpError, type Reply, type Route, type ServiceContext, type ServiceInstance, type ServiceModule } from '../runtime/types.ts';
import { postgresDependency } from '../runtime/service-database.ts';
import { catalogDatabase } from './generic/catalog-database.ts';
import { consumerInbox } from './generic/consumer.ts';
import { answerReply, drifted, exampleAnswers, pickAnswer, routeTemplate } from './generic/example-answers.ts';
import { Sagas } from './generic/sagas.ts';

/** A catalog endpoint's answer: its `example` (a body that satisfies its schema) with its status, or 501 naming what is missing. */
export function exampleReply(id: string, endpoint: Endpoint, drift = false): Reply {
  if (endpoint.example !== undefined) return { status: endpoint.status, body: drift ? drifted(endpoint.example) : endpoint.example };
  return { status: 501, body: { error: `${id} has no reference implementation of ${endpoint.method} ${endpoint.path} and the catalog gives no example` } };
}

/** Routes for the example calls other services make to this one, on the routes its own endpoints do not serve (each a database call, when it has a database). */
function answerRoutes(ctx: ServiceContext, taken: ReadonlySet<string>, db: Database | undefined): Route[] {
  const byRoute = new Map<string, ReturnType<typeof exampleAnswers>>();
  for (const answer of exampleAnswers(ctx.catalog, ctx.id)) {
    const key = `${answer.method} ${answer.route}`;
    if (!taken.has(key)) byRoute.set(key, [...(byRoute.get(key) ?? []), answer]);
  }
  return [...byRoute.values()].map((answers) => ({
    method: answers[0]!.method,
    path: answers[0]!.route,
    handler: async (req) => {
      await db?.query(`${answers[0]!.method} ${answers[0]!.route}`);
      return answerReply(pickAnswer(answers, req), ctx.faults.current.drift);
    },
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
 * One catalog endpoint: its saga (when it runs one) or else a database call (when the service has a
 * database), then its example answer; on a 2xx answer, the events it publishes (their examples) go on the bus.
 */
function endpointHandler(ctx: ServiceContext, endpoint: Endpoint, db: Database | undefined, sagas: Sagas): () => Promise<Reply> {
  return async () => {
    if (endpoint.saga) {
      const failed = await sagas.run(endpoint);
      if (failed) return failed;
    } else await db?.query(`${endpoint.method} ${endpoint.path}`);
    const reply = exampleReply(ctx.id, endpoint, ctx.faults.current.drift);
    if (reply.status >= 200 && reply.status < 300) {
      for (const event of endpoint.publishes) await publish(ctx, event, produceExample(ctx)(event));
    }
    return reply;
  };
}

/**
 * For a catalog service the reference stack has no implementation of: it answers health and metrics; each
 * catalog endpoint with the endpoint's `example:` (so a catalog-only service is served), or 501 when the
 * catalog gives none, so a smoke run reports exactly what is missing; each example call another service's
 * `dependencies.http[].example` makes to it, with that example's response (so generated pacts verify); and
 * produces each event it publishes as the event's example. Stateless: provider states and seeds are accepted
 * and ignored. The drift fault renames the first field of every answer and event.
 *
 * What the catalog says the service does, it does: with a postgres dependency, every endpoint and consumed
 * message makes a database call (its `pool`, its `circuitBreaker`); an endpoint's `saga` runs before it
 * answers; an endpoint's `publishes` go on the bus after a 2xx answer; the events it `consumes` arrive at its
 * inbox (subscribed as one consumer for all its replicas).
 */
function create(ctx: ServiceContext): ServiceInstance {
  const db = catalogDatabase(ctx);
  const sagas = new Sagas(ctx, db);
  const own: Route[] = ctx.service.endpoints.map((e) => ({ method: e.method, path: routeTemplate(e.path), handler: endpointHandler(ctx, e, db, sagas) }));
  const inbox = ctx.service.dependencies.consumes.length > 0 ? [consumerInbox(ctx, db)] : [];
  return {
    routes: [...own, ...inbox, ...answerRoutes(ctx, new Set([...own, ...inbox].map((r) => `${r.method} ${r.path}`)), db)],
    start: () => subscribeConsumed(ctx),
    reset: () => {
      db?.reset();
      sagas.reset();
    },
    seed: () => ({}),
    produce: produceExample(ctx),
    ...(db ? { extraHealth: async (): Promise<Record<string, DependencyHealth>> => {
      const open = db.breakerHealth();
      return open ? { database: open } : {};
    } } : {}),
  };
}

export const genericService: ServiceModule = { database: (service, catalog) => postgresDependency(service, catalog) !== undefined, create };
