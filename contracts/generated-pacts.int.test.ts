import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../core/catalog/load.ts';
import { startStack, type RunningStack } from '../stack/launcher.ts';
import { reportDirOf, runCli } from '../test/helpers/cli.ts';
import { httpServer } from '../test/helpers/loopback-server.ts';
import { readMatrix } from './matrix/matrix-store.ts';

/**
 * A system with no hand-written contract and no code in the reference stack (testdata/generated-pacts):
 * every pact is generated from its catalog examples, and its services are the stack's generic service,
 * which answers those examples. `contracts run` generates, covers, verifies and records them; a drifted
 * provider fails verification naming the field; a provider state is set up by posting the example's seed.
 */
const CATALOG = fileURLToPath(new URL('../testdata/generated-pacts/shop.yaml', import.meta.url));
const catalog = loadCatalog(CATALOG);
let stack: RunningStack;
let dir: string;
let pacts: string;
let matrix: string;

function cli(args: string[], extra: NodeJS.ProcessEnv = {}) {
  const env = { ...stack.env, TRACSEQ_CATALOG: CATALOG, TRACSEQ_REPORTS_DIR: join(dir, 'reports'), PACT_BROKER_BASE_URL: '', ...extra };
  return runCli(['contracts', ...args, '--env', 'local', '--pacts', pacts, '--matrix', matrix], { env, timeoutMs: 200_000 });
}

async function checksOf(stdout: string): Promise<{ id: string; outcome: string }[]> {
  const report = JSON.parse(await readFile(join(reportDirOf(stdout)!, 'report.json'), 'utf8')) as { suites: { checks: { id: string; outcome: string }[] }[] };
  return report.suites[0]!.checks;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'generated-pacts-'));
  pacts = join(dir, 'pacts');
  matrix = join(dir, 'matrix.json');
  stack = await startStack({ catalog, portBase: 0, startTimeoutMs: 100_000 });
}, 150_000);

afterAll(async () => {
  await stack?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('pacts generated from a catalog without hand-written contracts', () => {
  it('are generated, cover every edge, verify against the generic service and are recorded by `contracts run` (exit 0)', async () => {
    const run = await cli(['run']);
    expect(run.stdout).toMatch(/^contracts +pass +9 +0 +0 +0 +0 /m);
    expect(run.code).toBe(0);
    expect((await readdir(pacts)).sort()).toEqual(['event-bus-order-service.json', 'inventory-service-order-service.json', 'order-service-inventory-service.json']);
    const checks = await checksOf(run.stdout);
    expect(checks.filter((c) => c.id.startsWith('contracts.coverage.')).map((c) => `${c.id} ${c.outcome}`)).toEqual([
      'contracts.coverage.order-service--inventory-service.get-item pass',
      'contracts.coverage.order-service--inventory-service.reserve-stock pass',
      'contracts.coverage.event-bus--order-service.order.placed pass',
      'contracts.coverage.inventory-service--order-service.order.placed pass',
    ]);
    expect(checks.filter((c) => c.id.startsWith('contracts.verify.') && c.outcome === 'pass')).toHaveLength(4);
    const rows = (await readMatrix(matrix)) ?? [];
    expect(rows.map((r) => `${r.consumer} -> ${r.provider} ${r.success}`).sort()).toEqual([
      'event-bus -> order-service true', 'inventory-service -> order-service true', 'order-service -> inventory-service true',
    ]);
  }, 240_000);

  it('fail verification (exit 1) when the provider of an HTTP edge drifts, naming the field', async () => {
    await stack.setFaults('inventory-service', { drift: true });
    try {
      const run = await cli(['verify', '--provider', 'inventory-service']);
      expect(run.stdout).toMatch(/FAIL contracts order-service->inventory-service .*get-item: GET \/api\/v1\/items\/SKU-1 .*Actual map is missing the following keys: sku/);
      expect(run.stdout).toMatch(/FAIL contracts order-service->inventory-service .*reserve-stock: .*Actual map is missing the following keys: reservation_id/);
      expect(run.code).toBe(1);
    } finally {
      await stack.setFaults('inventory-service', { drift: false });
    }
  }, 120_000);

  it('fail verification (exit 1) when the producer of an event drifts, for the subscriber and the bus, naming the field', async () => {
    await stack.setFaults('order-service', { drift: true });
    try {
      const run = await cli(['verify', '--provider', 'order-service']);
      expect(run.stdout).toMatch(/FAIL contracts inventory-service->order-service .*order\.placed: inventory-service receives it .*Actual map is missing the following keys: order_id/);
      expect(run.stdout).toMatch(/FAIL contracts event-bus->order-service .*order\.placed: carried by the bus .*Actual map is missing the following keys: order_id/);
      expect(run.code).toBe(1);
    } finally {
      await stack.setFaults('order-service', { drift: false });
    }
  }, 120_000);

  it('put the provider in the example\'s state by posting its seed to the state hook; a hook that fails leaves the interaction unverified (exit 3)', async () => {
    const seeds: unknown[] = [];
    let status = 200;
    const hook = await httpServer((req: IncomingMessage, res: ServerResponse) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      req.on('end', () => {
        if (req.url === '/__admin/seed') seeds.push(JSON.parse(text));
        res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
      });
    });
    try {
      const hooked = { INVENTORY_SERVICE_STATE_HOOK_URL: hook.url };
      const ok = await cli(['verify', '--provider', 'inventory-service'], hooked);
      expect(ok.code).toBe(0);
      expect(seeds).toEqual([{ items: [{ sku: 'SKU-1', quantity: 12 }] }]);
      status = 500;
      const broken = await cli(['verify', '--provider', 'inventory-service'], hooked);
      expect(broken.stdout).toMatch(/provider state "item SKU-1 is in stock" could not be set up: POST http:\/\/127\.0\.0\.1:\d+\/__admin\/seed: HTTP 500/);
      expect(broken.code).toBe(3);
    } finally {
      await hook.close();
    }
  }, 120_000);
});
