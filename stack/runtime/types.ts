import type { IncomingHttpHeaders } from 'node:http';
import type { Catalog, Service } from '../../core/catalog/schema.ts';
import type { DatabaseDriver } from './database.ts';
import type { DependencyHealth } from './health-types.ts';
import type { Deps } from './deps.ts';
import type { FaultState } from './fault-state.ts';
import type { Metrics } from './metrics.ts';
import type { StackSettings } from './settings.ts';

export interface Req {
  readonly method: string;
  readonly path: string;
  /** Raw query string without `?` ('' when none). */
  readonly search: string;
  readonly params: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
  /** Parsed JSON body (undefined when there is none). */
  readonly body: unknown;
  readonly remoteAddress: string;
}

export interface Reply {
  readonly status: number;
  /** Serialised as JSON unless `raw` is given. */
  readonly body?: unknown;
  /** Already-serialised body (sent as is, with `contentType`). */
  readonly raw?: string | Buffer;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export type Handler = (req: Req) => Reply | Promise<Reply>;

export interface Route {
  readonly method: string;
  /** Template such as `/api/v1/samples/:id`; also the `route` metric label. */
  readonly path: string;
  readonly handler: Handler;
}

export { HttpError } from './http-error.ts';

export interface ServiceContext {
  readonly id: string;
  /** Which replica this process is (1-based) of how many the stack runs. */
  readonly replica: { readonly index: number; readonly count: number };
  readonly service: Service;
  readonly catalog: Catalog;
  readonly faults: FaultState;
  readonly metrics: Metrics;
  readonly deps: Deps;
  readonly settings: StackSettings;
  readonly log: (line: string) => void;
  /** Its database: a real PostgreSQL pool once given a DATABASE_URL, else the simulated store (idle when the service keeps no data). */
  readonly database: DatabaseDriver;
  /** This service's own base URL (known once it listens). */
  selfUrl(): string;
}

/** What one service implementation provides to the framework. */
export interface ServiceInstance {
  readonly routes: readonly Route[];
  /** POST /__admin/reset: clear in-memory data (keeping seed users/locations). */
  reset(): void;
  /** POST /__admin/seed: insert service-specific entities; returns a summary. */
  seed(body: unknown): unknown;
  /** POST /__admin/produce: the message body the service's real producer builds for `event`. */
  produce(event: string, data: unknown): unknown;
  /** Called once dependency URLs are known (e.g. to subscribe to events). */
  start?(): void | Promise<void>;
  /** Extra entries for /health/detailed (e.g. the gateway's upstreams). */
  extraHealth?(): Promise<Record<string, DependencyHealth>>;
  /** Replaces the plain /health answer (the gateway aggregates its upstreams). */
  health?(): Promise<{ status: number; body: unknown }>;
}

export interface ServiceModule {
  /**
   * The service keeps its data in a (simulated) database: it shows in /health/detailed and bad-dependency
   * breaks its API. A function decides from the catalog entry (the generic service: a postgres dependency).
   */
  readonly database: boolean | ((service: Service, catalog: Catalog) => boolean);
  create(ctx: ServiceContext): ServiceInstance;
}
