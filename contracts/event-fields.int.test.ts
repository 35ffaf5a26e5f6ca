import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedBy } from '../core/catalog/edges.ts';
import { loadCatalog } from '../core/catalog/load.ts';
import { resolveCatalog } from '../core/catalog/resolve.ts';
import { buildJobCompleted, buildJobSubmitted, JOB_COMPLETED, JOB_SUBMITTED } from '../stack/events/sequencing-events.ts';
import { busFields } from './consumer/bus-cases.ts';
import { runConsumerTests } from './consumer/run-consumer-tests.ts';
import { claimedEdgeName } from './coverage/coverage.ts';
import { busDescription, MESSAGES } from './interactions.ts';
import { loadPacts } from './pact/load-pacts.ts';
import { FIXTURES } from './provider-states.ts';
import { verifyPacts } from './verify/verify-pacts.ts';

/**
 * Event pacts pin what consumers read: the bus's pact of each event pins the fields the catalog says that
 * event's subscribers read (`consumes[].fields`), those lists match what the subscribers' own pacts pin, and
 * a producer that stops sending one of them fails verification naming it. The producer here is a loopback
 * stand-in for sequencing-service whose real event builder output loses `platform`.
 */
const catalog = loadCatalog();
let dir: string;
let producer: Server;
let producerUrl: string;

interface MessagePact { interactions: { description: string; type: string; contents?: { content?: Record<string, unknown> } }[] }
const readPact = async (consumer: string, provider: string) => JSON.parse(await readFile(join(dir, 'pacts', `${consumer}-${provider}.json`), 'utf8')) as MessagePact;
const pinned = (pact: MessagePact, event: string) => Object.keys(pact.interactions.find((i) => i.type === 'Asynchronous/Messages' && claimedEdgeName(i.description) === event)?.contents?.content ?? {}).sort();

function withoutPlatform(event: string): Record<string, unknown> {
  if (event === JOB_SUBMITTED) return buildJobSubmitted(FIXTURES.job);
  const { platform: _dropped, ...rest } = buildJobCompleted({ ...FIXTURES.job, status: 'completed' });
  return rest;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'event-fields-'));
  const report = await runConsumerTests({ catalog, pactsDir: join(dir, 'pacts'), env: process.env, signal: new AbortController().signal, log: () => {} });
  expect(report.cases.filter((c) => c.outcome !== 'pass')).toEqual([]);
  producer = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.url === '/__admin/produce') {
        const { event } = JSON.parse(body) as { event: string };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(withoutPlatform(event)));
      } else res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"healthy"}');
    });
  });
  producerUrl = await new Promise<string>((resolve) => producer.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(producer.address() as { port: number }).port}`)));
}, 120_000);

afterAll(async () => {
  producer?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('event pacts pin the fields consumers read', () => {
  it('pins in the bus pact of each event the fields its subscribers read, and the trace key', async () => {
    for (const service of catalog.services.filter((s) => s.id !== catalog.events.bus)) {
      const topics = publishedBy(catalog, service.id);
      if (topics.length === 0) continue;
      const pact = await readPact('event-service', service.id);
      for (const topic of topics) expect(pinned(pact, topic), topic).toEqual(busFields(catalog, topic).sort());
    }
    expect(pinned(await readPact('event-service', 'sequencing-service'), JOB_COMPLETED)).toEqual(['job_id', 'platform', 'sample_id', 'status']);
    expect(pinned(await readPact('event-service', 'sample-service'), 'sample.created')).toEqual(['sample_id']);
  });

  it('declares in the catalog exactly the fields each subscriber\'s own pact pins', async () => {
    const declared = catalog.services.flatMap((s) => s.dependencies.consumes.map((c) => ({ consumer: s.id, ...c })));
    expect(declared.length).toBeGreaterThan(0);
    for (const { consumer, from, event, fields } of declared) {
      expect(pinned(await readPact(consumer, from), event), `${consumer} <- ${from} ${event}`).toEqual([...fields].sort());
    }
  });

  it('fails the bus\'s and notification-service\'s pacts, naming the field, when sequencing-service stops sending platform', async () => {
    const env = { ...process.env, SEQUENCING_SERVICE_URL: producerUrl };
    const pacts = (await loadPacts(join(dir, 'pacts'))).filter((p) => p.pact.provider.name === 'sequencing-service' && ['event-service', 'notification-service'].includes(p.pact.consumer.name));
    const checks = (await verifyPacts({ pacts, resolved: resolveCatalog(catalog, 'local', env), env, signal: new AbortController().signal, log: () => {} })).flat();
    const outcome = Object.fromEntries(checks.map((c) => [c.name, c.outcome]));
    expect(outcome).toEqual({
      [`event-service -> sequencing-service: ${busDescription(JOB_SUBMITTED)}`]: 'pass',
      [`event-service -> sequencing-service: ${busDescription(JOB_COMPLETED)}`]: 'fail',
      [`notification-service -> sequencing-service: ${MESSAGES.jobCompleted}`]: 'fail',
    });
    for (const check of checks.filter((c) => c.outcome === 'fail')) {
      expect(check.failure?.kind).toBe('contract-mismatch');
      expect(check.failure?.message).toMatch(/missing the following keys: platform/);
    }
  }, 120_000);
});
