import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../core/catalog/load.ts';
import { resolveCatalog } from '../core/catalog/resolve.ts';
import { startStack, type RunningStack } from '../stack/launcher.ts';
import { runSmoke } from './run.ts';

/**
 * A system the reference stack has no code for, described only by a catalog and a JSON Schema file:
 * the stack's generic service answers each endpoint with its `example:`, and smoke checks it
 * against the schema like any other.
 */
const dir = mkdtempSync(join(tmpdir(), 'catalog-only-'));
writeFileSync(join(dir, 'widget-list.json'), JSON.stringify({ type: 'object', properties: { widgets: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } } }, required: ['widgets'] }));
writeFileSync(join(dir, 'widgets.yaml'), `system: widgets
catalogVersion: 1
environments:
  local: { urlTemplate: "http://127.0.0.1:{port}" }
services:
  - id: widget-service
    port: 9301
    health: { detailed: /health/detailed }
    metrics: { required: [http_requests_total] }
    endpoints:
      - { name: list-widgets, path: /api/v1/widgets, schema: widget-list.json, example: { widgets: [{ id: w-1 }, { id: w-2 }] } }
      - { name: count-widgets, path: /api/v1/widgets/count }
`);
const catalog = loadCatalog(join(dir, 'widgets.yaml'));

describe('a catalog-only service on the reference stack', () => {
  let stack: RunningStack | undefined;
  beforeAll(async () => {
    stack = await startStack({ catalog, portBase: 0 });
  });
  afterAll(async () => {
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers an endpoint with its example, which passes smoke against its schema; one without an example is a named 501', async () => {
    const env = stack!.env;
    const result = await runSmoke({ resolved: resolveCatalog(catalog, 'local', env), runId: 'widgets', reportDir: '/nonexistent', signal: new AbortController().signal, log: () => {}, env, now: () => new Date() }, { timeoutMs: 10_000, budgetScale: 5 });
    const outcome = (name: string) => result.checks.find((c) => c.id === `widget-service.${name}`);
    expect(outcome('health')?.outcome).toBe('pass');
    expect(outcome('health-detailed')?.outcome).toBe('pass');
    expect(outcome('metrics')?.outcome).toBe('pass');
    expect(outcome('endpoint:list-widgets')).toMatchObject({ outcome: 'pass', detail: { status: 200 } });
    expect(outcome('endpoint:count-widgets')?.failure?.message).toBe('HTTP 501, expected 200: {"error":"widget-service has no reference implementation of GET /api/v1/widgets/count and the catalog gives no example"}');
  });
});
