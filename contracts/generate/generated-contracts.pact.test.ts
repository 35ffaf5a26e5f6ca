import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { plannedInteractions } from '../../core/catalog/example-pins.ts';
import { loadCatalog } from '../../core/catalog/load.ts';
import { catalogSchemas } from '../../core/catalog/schemas.ts';
import type { CaseResult } from '../consumer/case-result.ts';
import type { ConsumerContract } from '../consumer/consumer-contract.ts';
import { runContract } from '../consumer/run-contract.ts';
import { CONSUMERS, consumersFor } from '../consumers.ts';
import { pactFileName } from '../pact/pacts-dir.ts';
import { withGenerated } from './generated-contracts.ts';

const tracseq = loadCatalog();
const shop = loadCatalog(new URL('../../testdata/generated-pacts/shop.yaml', import.meta.url).pathname);
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const described = (contracts: readonly ConsumerContract[]) => contracts.flatMap((c) => c.cases(tracseq).map((k) => `${c.consumer} -> ${c.provider}: ${k.description}`));

describe('generated consumer contracts', () => {
  it('leave TracSeq with exactly its hand-written contracts: every edge with an example has a hand-written case, which wins', () => {
    const plans = plannedInteractions(tracseq, catalogSchemas(tracseq)).plans;
    expect(plans.map((p) => `${p.consumer} -> ${p.provider}: ${p.edge}`)).toEqual([
      'api-gateway -> sample-service: get-sample', 'api-gateway -> sample-service: create-sample',
      'sample-service -> sequencing-service: sequencing.job_completed', 'notification-service -> sequencing-service: sequencing.job_completed', 'event-service -> sequencing-service: sequencing.job_completed',
    ]);
    const run = consumersFor(tracseq);
    expect(run.map((c) => `${c.consumer}--${c.provider}`)).toEqual(CONSUMERS.map((c) => `${c.consumer}--${c.provider}`));
    expect(described(run)).toEqual(described(CONSUMERS));
    expect(described(run).filter((d) => d.includes('(generated)'))).toEqual([]);
  });

  it('generate those same edges when no hand-written case covers them', () => {
    expect(described(withGenerated([], tracseq))).toEqual([
      'api-gateway -> sample-service: get-sample: GET /api/v1/samples/sample-pact-0001 answers as the catalog example shows (generated)',
      'api-gateway -> sample-service: create-sample: POST /api/v1/samples answers as the catalog example shows (generated)',
      'sample-service -> sequencing-service: sequencing.job_completed: sample-service receives it with the fields sample-service reads (job_id, sample_id, status) (generated)',
      'notification-service -> sequencing-service: sequencing.job_completed: notification-service receives it with the fields notification-service reads (job_id, sample_id, status, platform) (generated)',
      'event-service -> sequencing-service: sequencing.job_completed: carried by the bus with the fields its subscribers read (job_id, platform, sample_id, status) (generated)',
    ]);
  });

  it('join a hand-written contract of the same pair for the edges its cases leave out (one pact file per pair)', () => {
    const gateway = CONSUMERS.find((c) => c.consumer === 'api-gateway' && c.provider === 'sample-service')!;
    const withoutGet: ConsumerContract = { ...gateway, cases: (c) => gateway.cases(c).filter((k) => !k.description.startsWith('get-sample: ')) };
    const [joined, ...rest] = withGenerated([withoutGet], tracseq);
    const descriptions = joined!.cases(tracseq).map((k) => k.description);
    expect(descriptions.map((d) => d.split(': ')[0])).toEqual(['list-samples', 'create-sample', 'get-sample']);
    expect(descriptions[2]).toMatch(/\(generated\)$/);
    expect(rest.map((c) => `${c.consumer}--${c.provider}`)).toEqual(['sample-service--sequencing-service', 'notification-service--sequencing-service', 'event-service--sequencing-service']);
  });

  it('leave alone a pair whose hand-written contract cannot list its cases (its failure is reported as it is)', () => {
    const broken: ConsumerContract = { consumer: 'api-gateway', provider: 'sample-service', title: 'broken', cases: () => { throw new Error('no such event'); } };
    expect(withGenerated([broken], tracseq).map((c) => `${c.consumer}--${c.provider}`)).toEqual(['api-gateway--sample-service', 'sample-service--sequencing-service', 'notification-service--sequencing-service', 'event-service--sequencing-service']);
  });
});

describe('generated pacts of a catalog without hand-written contracts', () => {
  async function generate(): Promise<{ dir: string; results: CaseResult[] }> {
    const dir = await mkdtemp(join(tmpdir(), 'generated-pacts-'));
    dirs.push(dir);
    const results: CaseResult[] = [];
    for (const contract of consumersFor(shop)) await runContract(contract, shop, dir, (r) => results.push(r));
    return { dir, results };
  }
  type Rules = Record<string, { matchers: { match: string; regex?: string; min?: number }[] }>;
  interface Written {
    providerStates?: unknown;
    request?: { matchingRules?: unknown };
    response?: { body: { content: Record<string, unknown> }; matchingRules: { body: Rules } };
    contents?: { content: unknown };
  }
  const read = async (dir: string, consumer: string, provider: string) => JSON.parse(await readFile(join(dir, pactFileName(consumer, provider)), 'utf8')) as { interactions: Written[] };

  it('pass their consumer side and pin what the schemas say: types, formats, patterns, enums, arrays with minItems; request and state as the example gives them', async () => {
    const { dir, results } = await generate();
    expect(results.map((r) => [r.consumer, r.provider, r.outcome, r.where])).toEqual([
      ['order-service', 'inventory-service', 'pass', 'catalog services[0].dependencies.http[0].example'],
      ['order-service', 'inventory-service', 'pass', 'catalog services[0].dependencies.http[1].example'],
      ['inventory-service', 'order-service', 'pass', 'catalog services[0].dependencies.publishes[0].example'],
      ['event-bus', 'order-service', 'pass', 'catalog services[0].dependencies.publishes[0].example'],
    ]);
    const [getItem, reserve] = (await read(dir, 'order-service', 'inventory-service')).interactions;
    expect(getItem!.providerStates).toEqual([{ name: 'item SKU-1 is in stock', params: { items: [{ sku: 'SKU-1', quantity: 12 }] } }]);
    expect(getItem!.request).toMatchObject({ method: 'GET', path: '/api/v1/items/SKU-1', headers: { accept: ['application/json'] } });
    const body = getItem!.response!.body.content;
    expect(Object.keys(body).sort()).toEqual(['name', 'quantity', 'sku', 'supplier', 'tags', 'unit_price', 'updated_at']);
    const rules = getItem!.response!.matchingRules.body;
    expect(rules['$.sku']?.matchers).toEqual([{ match: 'regex', regex: '^SKU-[0-9]+$' }]);
    expect(rules['$.quantity']?.matchers).toEqual([{ match: 'integer' }]);
    expect(rules['$.unit_price']?.matchers).toEqual([{ match: 'number' }]);
    expect(rules['$.tags']?.matchers).toEqual([{ match: 'type', min: 1 }]);
    expect(rules['$.supplier.id']?.matchers[0]?.match).toBe('regex');
    expect(rules['$.note']).toBeUndefined();
    expect(reserve!.request).toMatchObject({ method: 'POST', query: { hold: ['24h'] }, body: { content: { order_id: 'ORD-1001', sku: 'SKU-1', quantity: 2 } } });
    expect(reserve!.request?.matchingRules).toBeUndefined();
    expect(reserve!.response!.matchingRules.body['$.status']?.matchers).toEqual([{ match: 'regex', regex: '^(?:held|released|expired)$' }]);
    const [placed] = (await read(dir, 'inventory-service', 'order-service')).interactions;
    expect(placed!.contents?.content).toEqual({ order_id: 'ORD-1001', sku: 'SKU-1', quantity: 2 });
  });
});
