import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from './agent.ts';
import { createHttpClient } from './request.ts';

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  const url = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return url;
}

describe('the shared HTTP client against in-process servers', () => {
  const agent = createAgent({ keepAliveMs: 5_000 });
  const client = createHttpClient({ dispatcher: agent });
  const connections: unknown[] = [];
  const server = createServer((req, res) => {
    if (req.url === '/hang') return; // never answers
    if (req.url === '/slow-body') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial":');
      return; // body never completes
    }
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ method: req.method, body, type: req.headers['content-type'] ?? null }));
    });
  });
  server.on('connection', (socket) => connections.push(socket));
  let base = '';

  beforeAll(async () => {
    base = await listen(server);
  });
  afterEach(() => {
    connections.length = 0;
  });
  afterAll(async () => {
    await agent.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends JSON bodies and returns status, text and duration', async () => {
    const result = await client.send({ method: 'POST', url: `${base}/echo`, body: { a: 1 }, timeoutMs: 2000 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.response.status).toBe(201);
    expect(JSON.parse(result.response.text)).toEqual({ method: 'POST', body: '{"a":1}', type: 'application/json' });
    expect(result.response.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('reuses one keep-alive connection for sequential requests', async () => {
    for (let i = 0; i < 5; i += 1) expect((await client.send({ url: `${base}/x${i}`, timeoutMs: 2000 })).ok).toBe(true);
    expect(connections.length).toBeLessThanOrEqual(1);
  });

  it('classifies a closed port as connection refused', async () => {
    const url = `${await closedPortUrl()}/health`;
    expect(await client.send({ url, timeoutMs: 2000 })).toMatchObject({ ok: false, failure: { kind: 'connection-refused', url } });
  });

  it('classifies a server that never answers as a timeout at the request deadline', async () => {
    const result = await client.send({ url: `${base}/hang`, timeoutMs: 150 });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'timeout', message: 'no complete response within 150 ms' } });
    expect(result.ok ? 0 : result.durationMs).toBeLessThan(1500);
  });

  it('accepts a fractional deadline (time left before a wait-mode deadline)', async () => {
    expect(await client.send({ url: `${base}/hang`, timeoutMs: 99.7 })).toMatchObject({ ok: false, failure: { kind: 'timeout', message: 'no complete response within 100 ms' } });
  });

  it('applies the deadline to the body too', async () => {
    expect(await client.send({ url: `${base}/slow-body`, timeoutMs: 150 })).toMatchObject({ ok: false, failure: { kind: 'timeout' } });
  });

  it('classifies speaking TLS to a plain HTTP port as a TLS failure', async () => {
    const url = `${base.replace('http:', 'https:')}/health`;
    expect(await client.send({ url, timeoutMs: 2000 })).toMatchObject({ ok: false, failure: { kind: 'tls' } });
  });

  it('classifies an unknown host as a DNS failure', async () => {
    expect(await client.send({ url: 'http://no-such-host.invalid/health', timeoutMs: 3000 })).toMatchObject({ ok: false, failure: { kind: 'dns' } });
  });

  it('calls a caller abort interrupted rather than blaming the service', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect(await client.send({ url: `${base}/hang`, timeoutMs: 5000, signal: controller.signal })).toMatchObject({ ok: false, failure: { kind: 'interrupted' } });
  });
});
