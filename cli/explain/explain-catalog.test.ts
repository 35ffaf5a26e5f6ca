import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { loadCatalog } from '../../core/catalog/load.ts';
import { AuthSchema, ReplicasSchema } from '../../core/catalog/schema-access.ts';
import { ContractsSpecSchema, HttpExampleSchema, PublishedEventSchema } from '../../core/catalog/schema-examples.ts';
import { CatalogDefaultsSchema, HealthSchema, MetricsSchema } from '../../core/catalog/schema-health.ts';
import { InfrastructureDependencySchema } from '../../core/catalog/schema-infra.ts';
import {
  CatalogSchema, ConsumedEventSchema, DependenciesSchema, EndpointLoadSchema, EndpointSchema, EnvironmentSchema, EventsSchema, HttpDependencySchema, LoadSpecSchema, ServiceSchema,
} from '../../core/catalog/schema.ts';
import { MetricConventionsSchema, ObjectiveSchema, SloDefaultsSchema, SloSpecSchema } from '../../core/catalog/slo-schema.ts';
import { explainCatalog } from './explain-catalog.ts';

/** A catalog that uses every field the catalog schema has (issue 13's among them), with schema files beside it. */
const SINK = `system: sink
catalogVersion: 1
environments:
  local: { urlTemplate: "http://127.0.0.1:{port}" }
  production: { production: true, urlTemplate: "https://{id}.example" }
defaults:
  health: { path: /health }
  metrics: { path: /metrics }
  endpoint: { budgetMs: 800 }
auth: { login: { service: api, endpoint: login }, token: session.jwt, header: x-session, scheme: "" }
metrics:
  labels: { service: job, status: code, route: handler, method: verb }
  excludeRoutes: /metrics
  requests: api_requests_total
  duration: api_request_duration_seconds
sloDefaults: { shorthands: true, availability: 0.99, latencyP95Ms: 400, latencyP99Ms: 1000, errorRate: 0.02, windowDays: 28 }
events: { bus: bus }
contracts: { handWritten: false }
load: { entry: api, journeys: false }
services:
  - id: api
    port: 9001
    description: the API
    urls: { production: "https://api.example" }
    health: { detailed: /health/detailed, status: 200, body: json, field: state, healthy: [up], degraded: [limping], schema: schemas/health.json }
    metrics: { required: [api_requests_total] }
    replicas: { count: 2, urls: { local: ["http://127.0.0.1:9001", "http://127.0.0.1:9011"] }, discover: dns }
    endpoints:
      - { name: login, method: POST, path: /login, body: { user: a, password: b }, schema: { type: object } }
      - { name: item, path: "/items/{sku}", status: 200, response: json, schema: schemas/item.json, example: { sku: A-1 }, auth: true, load: { weight: 3, params: { sku: A-1 } } }
      - { name: buy, method: POST, path: /buy, status: 201, example: { sku: A-1 }, saga: { name: buy-item, steps: [{ call: reserve }] }, publishes: [item.reserved], load: { weight: 0 } }
      - { name: page, path: /, response: text, match: "<title>", load: { weight: 0 } }
      - { name: ping, path: /ping, response: none }
    dependencies:
      http:
        - to: stock
          name: reserve
          method: POST
          path: "/reservations/{sku}"
          example: { state: sku A-1 exists, seed: { sku: A-1 }, request: { params: { sku: A-1 }, body: { n: 1 } }, response: { status: 201, schema: schemas/item.json, body: { sku: A-1 } } }
      publishes:
        - { event: item.reserved, schema: schemas/item.json, example: { sku: A-1 } }
      infrastructure: [{ id: db, database: api_db, pool: { min: 1, max: 5, acquireTimeout: 2s }, circuitBreaker: { threshold: 3, reset: 10s } }, { id: cache }]
    slos:
      availability: 0.995
      objectives:
        - name: checkout
          ratio: { good: 'sum(increase(x{ {{labels.service}}="{{service}}" }[{{window}}]))', total: 'sum(increase(y[{{window}}]))', target: 0.99, warning: 0.98 }
          key: true
          weight: 2
          window: 4w
          relative: [">=-1%"]
        - { name: depth, threshold: { query: 'max(q{ {{selector}} })', op: '<', value: 100, unit: count } }
  - id: stock
    port: 9002
    health: { body: text, match: "^OK" }
    slos: { shorthands: false }
    dependencies: { consumes: [{ event: item.reserved, from: api, fields: [sku] }] }
  - id: edge
    port: 9004
    router: { routes: [{ prefix: /api, to: api }, { prefix: /stock, to: stock }] }
  - { id: bus, port: 9003, health: { body: none } }
  - { id: db, kind: postgres, port: 5432, databases: [api_db] }
  - { id: cache, kind: redis, port: 6379 }
  - { id: mq, kind: tcp, port: 5672 }
  - { id: vectors, kind: http-probe, port: 8000, health: { path: /heartbeat, field: null } }
`;

const dir = mkdtempSync(join(tmpdir(), 'explain-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'schemas'));
writeFileSync(join(dir, 'schemas', 'health.json'), JSON.stringify({ type: 'object', required: ['state'] }));
writeFileSync(join(dir, 'schemas', 'item.json'), JSON.stringify({ type: 'object', properties: { sku: { type: 'string' } }, required: ['sku'] }));
writeFileSync(join(dir, 'catalog.yaml'), SINK);
const lines = explainCatalog(loadCatalog(join(dir, 'catalog.yaml')));
const text = lines.join('\n');
const line = (start: string) => lines.find((l) => l.trimStart().startsWith(start))?.trimStart() ?? `(no line starting ${start})`;

/** Fields shown by their value rather than named (an id, a name, a path, a removed shorthand). */
const SHOWN_BY_VALUE = new Set(['system', 'id', 'name', 'description', 'method', 'path', 'to', 'from', 'event', 'sampleProcessingP95Seconds', 'queueDepthMax']);
const shape = (schema: z.ZodType) => Object.keys((schema as unknown as { shape: Record<string, unknown> }).shape);
const PARTS: Array<[string, string[]]> = [
  ['catalog', shape(CatalogSchema)], ['environments.*', shape(EnvironmentSchema)], ['defaults', shape(CatalogDefaultsSchema)],
  ['auth', shape(AuthSchema)], ['metrics', shape(MetricConventionsSchema)], ['sloDefaults', shape(SloDefaultsSchema)],
  ['events', shape(EventsSchema)], ['contracts', shape(ContractsSpecSchema)], ['load', shape(LoadSpecSchema)],
  ['services[]', shape(ServiceSchema)], ['services[].health', shape(HealthSchema)], ['services[].metrics', shape(MetricsSchema)],
  ['services[].replicas', shape(ReplicasSchema)], ['services[].endpoints[]', shape(EndpointSchema)], ['services[].endpoints[].load', shape(EndpointLoadSchema)],
  ['services[].dependencies', shape(DependenciesSchema)], ['dependencies.http[]', shape(HttpDependencySchema)], ['dependencies.http[].example', shape(HttpExampleSchema)],
  ['dependencies.publishes[]', shape((PublishedEventSchema as unknown as { out: z.ZodType }).out)], ['dependencies.consumes[]', shape(ConsumedEventSchema)],
  ['dependencies.infrastructure[]', shape(InfrastructureDependencySchema)], ['services[].slos', shape(SloSpecSchema)], ['slos.objectives[]', shape(ObjectiveSchema)],
];

describe('catalog validate --explain', () => {
  it.each(PARTS)('names every field of %s (a new field without an explanation fails here)', (_part, keys) => {
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((k) => !SHOWN_BY_VALUE.has(k) && !new RegExp(`\\b${k}\\b`).test(text))).toEqual([]);
  });

  it('says what health, key endpoints and their load weights make smoke and load do', () => {
    expect(line('health: GET /health,')).toBe('health: GET /health, status 200, body json: field "state" is one of healthy [up] (degraded [limping]: a warning), schema schemas/health.json; detailed /health/detailed (its dependencies map: each one up)');
    expect(text).toContain('health: GET /health, status 200, body text: match /^OK/');
    expect(text).toContain('health: GET /health, status 200, body none (status only)');
    expect(line('endpoints[1] item')).toBe('endpoints[1] item: GET /items/{sku}, status 200, response json, schema schemas/item.json, budgetMs 800, auth: sends the login token, example (the reference stack answers with it); load.weight 3 (60% of the endpoints scenario\'s requests, load.params { sku: A-1 })');
    expect(line('endpoints[3] page')).toBe('endpoints[3] page: GET /, status 200, response text, match /<title>/, budgetMs 800; load.weight 0: not loaded');
    expect(line('endpoints[4] ping')).toContain('response none (status only)');
    expect(line('endpoints[2] buy')).toBe('endpoints[2] buy: POST /buy, status 201, response json (no schema: any JSON), budgetMs 800, example (the reference stack answers with it), saga buy-item (before it answers: call reserve; counted in saga_transactions_total), publishes [item.reserved] on a 2xx answer (their examples, on the bus); load.weight 0: not loaded');
    expect(line('router:')).toBe('router: balance round-robin (a replica that refuses the connection is skipped); routes /api -> api, /stock -> stock');
    expect(line('dependencies.infrastructure:')).toBe('dependencies.infrastructure: db (database api_db, pool min 1 max 5 acquireTimeout 2s (database_connection_pool_max), circuitBreaker threshold 3 reset 10s (circuit_breaker_state)), cache (named when that probe fails)');
    expect(line('replicas:')).toBe('replicas: count 2 (the reference stack runs 2); urls.local: 2 listed, discover: dns (every A/AAAA record of the URL\'s host); API_REPLICA_URLS overrides; smoke checks health at each one (the report says e.g. "2 of 3 replicas healthy")');
  });

  it('says how the login works, and which endpoints need it', () => {
    expect(line('auth.login:')).toBe('auth.login: api login (POST /login, its body the credentials; TRACSEQ_SMOKE_EMAIL / TRACSEQ_SMOKE_PASSWORD override email / password)');
    expect(line('auth.token:')).toBe('auth.token: session.jwt (where the token is in the answer); sent as auth.header x-session: <token> (auth.scheme)');
    expect(line('needed by:')).toBe('needed by: api item');
  });

  it('says which probe each infrastructure kind gets and whom a failure names', () => {
    expect(text).toContain('postgres: smoke runs SELECT 1 at DB_URL (skipped without it); databases [api_db] (the local target creates them); a failure names its users: api (api_db)');
    expect(text).toContain('redis: smoke sends PING to CACHE_URL (skipped without it); a failure names its users: api');
    expect(text).toContain('tcp: smoke opens a TCP connection to MQ_URL (skipped without it); a failure names its users: none');
    expect(text).toContain('http-probe: smoke GETs VECTORS_URL + health, judged as health says: GET /heartbeat, status 200, body json: field null (the JSON alone decides)');
  });

  it('shows the SLOs as the suite will query them: labels filled in, shorthands on or off, objectives with their flags', () => {
    expect(line('metrics.labels:')).toMatch(/^metrics\.labels: service=job, status=code, route=handler, method=verb/);
    expect(line('slos.shorthands: on')).toContain('availability >= 99.5%, error-rate <= 2%, latency-p95 < 400 ms, latency-p99 < 1 s');
    expect(line('slos.shorthands: on')).toContain('sum(increase(api_requests_total{job="api",handler!~"/metrics",code=~"5.."}[{{window}}]))');
    expect(line('slos.objectives[0] checkout')).toBe('slos.objectives[0] checkout (ratio, key true (a failure fails the gate), weight 2, window 4w (its error-budget period), relative [">=-1%"] (against stored evaluations)): '
      + 'target >= 99%: good sum(increase(x{ job="api" }[{{window}}])) over total sum(increase(y[{{window}}]))');
    expect(line('slos.objectives[1] depth')).toBe('slos.objectives[1] depth (threshold, key false, weight 1, windowDays 28): max(q{ job="api",handler!~"/metrics" }) < 100');
    expect(text).toContain('slos.shorthands: off: no availability, error-rate or latency objective from api_requests_total; its SLOs are its objectives (none: the SLO suite does not judge it)');
  });

  it('says what becomes a generated pact, and what the contracts suite will do', () => {
    expect(line('dependencies.http[0] reserve')).toBe('dependencies.http[0] reserve: calls stock POST /reservations/{sku}; example (state "sku A-1 exists", seed { sku: A-1 } posted to the provider first): a generated pact interaction, '
      + 'request { params: { sku: A-1 }, body: { n: 1 } }, response 201 pinned by schemas/item.json');
    expect(line('dependencies.publishes[0]')).toBe('dependencies.publishes[0] item.reserved: example: a generated message pact pinned by schemas/item.json');
    expect(line('dependencies.consumes[0]')).toBe('dependencies.consumes[0] item.reserved from api: reads [sku] (the producer\'s pacts pin them)');
    expect(line('contracts.handWritten:')).toBe('contracts.handWritten: false: every pact is generated from the catalog\'s examples');
    expect(text).toContain('3 edges between services, 2 with an example');
  });

  it('names schema files relative to the catalog, never by a machine path', () => {
    expect(text).not.toContain(dir);
  });
});
