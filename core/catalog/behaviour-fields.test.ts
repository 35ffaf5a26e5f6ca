import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ConfigError } from '../errors.ts';
import { loadCatalog, parseCatalog } from './load.ts';

/** The catalog's behaviour fields: `router`, `endpoints[].saga` and `.publishes`, a postgres dependency's `pool` and `circuitBreaker`. */
const example = { request: { body: { sku: 'A' } }, response: { status: 201, body: { id: 'r1' } } };
const base = {
  system: 'small',
  catalogVersion: 1,
  environments: { local: { urlTemplate: 'http://127.0.0.1:{port}' } },
  events: { bus: 'bus' },
  services: [
    { id: 'edge', port: 8000, health: {}, router: { routes: [{ prefix: '/api/orders', to: 'orders' }] } },
    {
      id: 'orders', port: 8001, health: {}, replicas: { count: 2 },
      endpoints: [{ name: 'place', method: 'POST', path: '/api/orders', status: 201, saga: { name: 'place-order', steps: [{ call: 'reserve', compensate: 'release' }] }, publishes: ['order.placed'] }],
      dependencies: {
        http: [
          { to: 'stock', name: 'reserve', method: 'POST', path: '/api/reservations', example },
          { to: 'stock', name: 'release', method: 'DELETE', path: '/api/reservations/{id}', example: { request: { params: { id: 'r1' } }, response: { status: 204 } } },
        ],
        publishes: [{ event: 'order.placed', example: { order_id: 'o1' } }],
        infrastructure: [{ id: 'db', database: 'orders', pool: { min: 5, max: 20, acquireTimeout: '30s' }, circuitBreaker: { threshold: 5, reset: '30s' } }],
      },
    },
    { id: 'stock', port: 8002, health: {}, dependencies: { consumes: [{ event: 'order.placed', from: 'orders', fields: ['order_id'] }] } },
    { id: 'bus', port: 8003, health: {} },
    { id: 'db', kind: 'postgres', port: 5432, databases: ['orders'] },
    { id: 'cache', kind: 'redis', port: 6379 },
  ],
};
type Services = typeof base.services;
const problems = (services: unknown): string[] => {
  try {
    parseCatalog(stringify({ ...base, services }), 'c.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return [...(err as ConfigError).details];
  }
  return [];
};
/** `base.services` with service `i` changed by `edit`. */
const edited = (i: number, edit: (s: Services[number]) => unknown): unknown[] => base.services.map((s, j) => (j === i ? edit(structuredClone(s)) : s));

describe('the catalog behaviour fields', () => {
  it('accept a router, a saga, published events, a pool and a breaker, and default the rest', () => {
    const catalog = parseCatalog(stringify(base), 'c.yaml');
    expect(catalog.services[0]!.router).toEqual({ balance: 'round-robin', routes: [{ prefix: '/api/orders', to: 'orders' }] });
    const place = catalog.services[1]!.endpoints[0]!;
    expect(place.saga).toEqual({ name: 'place-order', steps: [{ call: 'reserve', compensate: 'release' }] });
    expect(place.publishes).toEqual(['order.placed']);
    expect(catalog.services[2]!.endpoints).toEqual([]);
    expect(catalog.services[1]!.dependencies.infrastructure[0]).toEqual({ id: 'db', database: 'orders', pool: { min: 5, max: 20, acquireTimeout: '30s' }, circuitBreaker: { threshold: 5, reset: '30s' } });
    const defaults = parseCatalog(stringify({ ...base, services: edited(1, (s) => ({ ...s, dependencies: { ...s.dependencies, infrastructure: [{ id: 'db', pool: {}, circuitBreaker: {} }] } })) }), 'c.yaml');
    expect(defaults.services[1]!.dependencies.infrastructure[0]).toEqual({ id: 'db', pool: { min: 0, max: 20, acquireTimeout: '30s' }, circuitBreaker: { threshold: 5, reset: '30s' } });
  });

  it.each([
    ['a route to an unknown service', edited(0, (s) => ({ ...s, router: { routes: [{ prefix: '/x', to: 'nowhere' }] } })), ['services[0].router.routes[0].to: unknown http service "nowhere" (known: orders, stock, bus)']],
    ['a route to the router itself and a prefix twice', edited(0, (s) => ({ ...s, router: { routes: [{ prefix: '/x', to: 'edge' }, { prefix: '/x', to: 'stock' }] } })), ['services[0].router.routes[0].to: a router cannot route to itself', 'services[0].router.routes[1].prefix: duplicate prefix "/x" (also routes[0])']],
    ['a router without routes', edited(0, (s) => ({ ...s, router: { routes: [] } })), ['services[0].router.routes: give at least one route ({ prefix, to })']],
    ['an unknown balancing', edited(0, (s) => ({ ...s, router: { ...s.router, balance: 'random' } })), ['services[0].router.balance: Invalid input: expected "round-robin"']],
    ['an endpoint publishing an event its service does not', edited(1, (s) => ({ ...s, endpoints: [{ ...s.endpoints![0], publishes: ['order.shipped'] }] })), ['services[1].endpoints[0].publishes[0]: "order.shipped" is not among orders\'s dependencies.publishes (order.placed)']],
    ['a published event without the example the endpoint sends', edited(1, (s) => ({ ...s, dependencies: { ...s.dependencies, publishes: ['order.placed'] } })), ['services[1].endpoints[0].publishes[0]: "order.placed" has no example in dependencies.publishes; the endpoint publishes the example']],
    ['a saga step that is not a dependency', edited(1, (s) => ({ ...s, endpoints: [{ ...s.endpoints![0], saga: { name: 'p', steps: [{ call: 'charge', compensate: 'refund' }] } }] })), [
      'services[1].endpoints[0].saga.steps[0].call: "charge" is not one of orders\'s dependencies.http (reserve, release)',
      'services[1].endpoints[0].saga.steps[0].compensate: "refund" is not one of orders\'s dependencies.http (reserve, release)',
    ]],
    ['a saga step on a dependency without an example', edited(1, (s) => ({ ...s, dependencies: { ...s.dependencies, http: [{ ...s.dependencies!.http![0], example: undefined }, s.dependencies!.http![1]] } })), ['services[1].endpoints[0].saga.steps[0].call: dependency "reserve" has no example; a saga step sends the example\'s request']],
    ['a saga without steps', edited(1, (s) => ({ ...s, endpoints: [{ ...s.endpoints![0], saga: { name: 'p', steps: [] } }] })), ['services[1].endpoints[0].saga.steps: give at least one step ({ call, compensate? })']],
    ['a pool and a breaker on redis', edited(1, (s) => ({ ...s, dependencies: { ...s.dependencies, infrastructure: [{ id: 'cache', pool: {}, circuitBreaker: {} }] } })), [
      'services[1].dependencies.infrastructure[0].pool: "cache" is redis; only a postgres dependency has a connection pool',
      'services[1].dependencies.infrastructure[0].circuitBreaker: "cache" is redis; the breaker guards database calls (a postgres dependency)',
    ]],
    ['a breaker reset without a unit', edited(1, (s) => ({ ...s, dependencies: { ...s.dependencies, infrastructure: [{ id: 'db', circuitBreaker: { reset: '30' } }] } })), [
      'services[1].dependencies.infrastructure[0].circuitBreaker.reset: must be a duration with a unit, such as 30s or 1m: "30" has no unit (a bare number is refused: write e.g. 30s or 30ms)',
    ]],
  ])('refuse %s, naming the field', (_name, services, expected) => {
    expect(problems(services)).toEqual(expected);
  });

  it('refuse a pool whose min is above its max', () => {
    expect(problems(edited(1, (s) => ({ ...s, dependencies: { ...s.dependencies, infrastructure: [{ id: 'db', pool: { min: 30, max: 20 } }] } })))).toEqual(['services[1].dependencies.infrastructure[0].pool.min: 30 is above max 20']);
  });
});

describe('the shipped Nanopore catalog', () => {
  it('describes seed 002: a router in front of five replicated services, a bus with consumers, a saga, a database per service with pool and breaker', () => {
    const catalog = loadCatalog(new URL('../../catalog/nanopore.yaml', import.meta.url).pathname);
    const http = catalog.services.filter((s) => s.kind === 'http');
    expect(Object.fromEntries(http.map((s) => [s.id, s.replicas?.count ?? 1]))).toEqual({ router: 1, 'sample-service': 3, 'ai-service': 2, 'audit-service': 2, 'backup-service': 1, 'config-service': 2, 'event-bus': 1 });
    expect(catalog.services.find((s) => s.id === 'router')!.router!.routes.map((r) => r.to)).toEqual(['sample-service', 'ai-service', 'audit-service', 'backup-service', 'config-service']);
    const databases = http.flatMap((s) => s.dependencies.infrastructure.map((d) => [s.id, d.database, d.pool?.max, d.circuitBreaker?.threshold, d.circuitBreaker?.reset]));
    expect(databases).toEqual([
      ['sample-service', 'samples_db', 20, 5, '30s'], ['ai-service', 'ai_db', 20, 5, '30s'], ['audit-service', 'audit_db', 20, 5, '30s'],
      ['backup-service', 'backup_db', 20, 5, '30s'], ['config-service', 'config_db', 20, 5, '30s'],
    ]);
    const objectives = Object.fromEntries(http.map((s) => [s.id, s.slos.objectives.map((o) => o.name)]));
    expect(objectives['sample-service']).toEqual(['instances-up', 'pool-below-exhaustion', 'no-circuit-breaker-open', 'saga-failure-ratio']);
    expect(objectives['ai-service']).toContain('dead-letters-not-growing');
    expect(catalog.sloDefaults.errorRate).toBe(0.05);
  });
});
