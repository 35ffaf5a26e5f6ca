import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPromClient, promBaseUrl } from './client.ts';
import type { AuthSettings } from './auth.ts';

/** An in-process fake Prometheus API: each test sets how it answers. */
const seen: { method: string; url: string; body: string; headers: IncomingMessage['headers'] }[] = [];
let answer: (req: IncomingMessage, body: string, res: ServerResponse) => void = () => {};
const OK = JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value: [1, '0.5'] }] } });
const handler = (req: IncomingMessage, res: ServerResponse) => {
  let body = '';
  req.on('data', (c: Buffer) => { body += c.toString(); });
  req.on('end', () => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', body, headers: req.headers });
    answer(req, body, res);
  });
};
const tls = { key: readFileSync(new URL('../../testdata/tls/localhost-test.key', import.meta.url)), cert: readFileSync(new URL('../../testdata/tls/localhost-test.crt', import.meta.url), 'utf8') };
let http: Server;
let https: Server;
let base = '';
let secureBase = '';
const noAuth: AuthSettings = { headers: {}, insecure: false };

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};

beforeAll(async () => {
  http = createServer(handler);
  https = createHttpsServer(tls, handler);
  base = `http://127.0.0.1:${await listen(http)}`;
  secureBase = `https://127.0.0.1:${await listen(https)}`;
});
afterAll(async () => {
  http.closeAllConnections();
  https.closeAllConnections();
  await Promise.all([new Promise((r) => http.close(r)), new Promise((r) => https.close(r))]);
});

const json = (status: number, text: string) => (_req: IncomingMessage, _body: string, res: ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(text);
};

describe('createPromClient', () => {
  it('sends short queries as GET with query, time and timeout, and the auth headers', async () => {
    answer = json(200, OK);
    const client = createPromClient({ url: `${base}/`, auth: { headers: { 'X-Scope-OrgID': 't1' }, bearerToken: { value: 'tok', source: 'env' }, insecure: false }, timeoutMs: 5000 });
    const r = await client.query('up', 1700000000);
    await client.close();
    expect(r).toEqual({ ok: true, samples: [{ labels: {}, value: 0.5 }], warnings: [] });
    const req = seen.at(-1)!;
    expect(req.method).toBe('GET');
    expect(new URL(req.url, base).searchParams.get('query')).toBe('up');
    expect(new URL(req.url, base).searchParams.get('time')).toBe('1700000000');
    expect(new URL(req.url, base).searchParams.get('timeout')).toBe('5s');
    expect(req.headers['authorization']).toBe('Bearer tok');
    expect(req.headers['x-scope-orgid']).toBe('t1');
  });

  it('sends long queries as a POST form', async () => {
    answer = json(200, OK);
    const client = createPromClient({ url: base, auth: noAuth, postAbove: 50 });
    const long = `sum(${'http_requests_total{service="sample-service"} + '.repeat(5)}0)`;
    await client.query(long, 1);
    await client.close();
    const req = seen.at(-1)!;
    expect(req.method).toBe('POST');
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(req.body).get('query')).toBe(long);
  });

  it('gives up on a slow answer at the per-request deadline', async () => {
    answer = () => {};
    const client = createPromClient({ url: base, auth: noAuth, timeoutMs: 300 });
    const started = Date.now();
    const r = await client.query('up', 1);
    await client.close();
    expect(r).toMatchObject({ ok: false, kind: 'timeout', message: expect.stringMatching(/no answer from .*\/api\/v1\/query within 300 ms/) });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('refuses a body over the size cap instead of reading it all', async () => {
    answer = (_q, _b, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"status":"success","data":{"resultType":"vector","result":[${'{"metric":{},"value":[1,"1"]},'.repeat(20_000)}]}}`);
    };
    const client = createPromClient({ url: base, auth: noAuth, maxBodyBytes: 64 * 1024 });
    const r = await client.query('up', 1);
    await client.close();
    expect(r).toMatchObject({ ok: false, kind: 'too-large', message: expect.stringContaining('larger than 65536 bytes') });
  });

  it('classifies a proxy HTML page, a 422 execution error and a 401', async () => {
    const client = createPromClient({ url: base, auth: noAuth });
    answer = (_q, _b, res) => { res.writeHead(502, { 'content-type': 'text/html' }); res.end('<html><title>Bad Gateway</title></html>'); };
    expect(await client.query('up', 1)).toMatchObject({ ok: false, kind: 'bad-response', status: 502 });
    answer = json(422, '{"status":"error","errorType":"execution","error":"too many samples"}');
    expect(await client.query('up', 1)).toMatchObject({ ok: false, kind: 'query-error', message: 'Prometheus execution (HTTP 422): too many samples' });
    answer = json(401, '{"status":"error","errorType":"unauthorized","error":"bad token"}');
    expect(await client.query('up', 1)).toMatchObject({ ok: false, kind: 'auth', status: 401 });
    await client.close();
  });

  it('redacts a credential that the server echoes back in an error', async () => {
    answer = json(400, '{"status":"error","errorType":"bad_data","error":"token s3cr3t is not allowed"}');
    const client = createPromClient({ url: base, auth: { headers: {}, bearerToken: { value: 's3cr3t', source: 'env' }, insecure: false } });
    const r = await client.query('up', 1);
    await client.close();
    expect(!r.ok && r.message).toBe('Prometheus bad_data (HTTP 400): token *** is not allowed');
  });

  it('reports a closed port as unreachable, naming the URL', async () => {
    const closed = createServer();
    const port = await listen(closed);
    await new Promise((r) => closed.close(r));
    const client = createPromClient({ url: `http://127.0.0.1:${port}`, auth: noAuth });
    const r = await client.query('up', 1);
    await client.close();
    expect(r).toMatchObject({ ok: false, kind: 'unreachable', message: expect.stringMatching(new RegExp(`cannot reach Prometheus at http://127.0.0.1:${port}/api/v1/query \\(ECONNREFUSED`)) });
  });

  it('fails TLS to a self-signed server unless given its CA, or told explicitly to skip verification', async () => {
    answer = json(200, OK);
    const plain = createPromClient({ url: secureBase, auth: noAuth });
    expect(await plain.query('up', 1)).toMatchObject({ ok: false, kind: 'tls', message: expect.stringContaining('--ca-file') });
    const withCa = createPromClient({ url: secureBase, auth: { headers: {}, ca: { pem: tls.cert, file: 'test.crt' }, insecure: false } });
    expect(await withCa.query('up', 1)).toMatchObject({ ok: true });
    const insecure = createPromClient({ url: secureBase, auth: { headers: {}, insecure: true } });
    expect(await insecure.query('up', 1)).toMatchObject({ ok: true });
    await Promise.all([plain.close(), withCa.close(), insecure.close()]);
  });
});

describe('promBaseUrl', () => {
  it('accepts http(s) URLs with a path prefix and trims trailing slashes', () => {
    expect(promBaseUrl('http://127.0.0.1:9090/')).toBe('http://127.0.0.1:9090');
    expect(promBaseUrl('https://mimir.example/prometheus/')).toBe('https://mimir.example/prometheus');
  });

  it('rejects credentials in the URL without echoing them, and non-http schemes', () => {
    expect(() => promBaseUrl('http://bob:pw@prom:9090')).toThrow(/not in the URL/);
    expect(() => promBaseUrl('http://bob:pw@prom:9090')).toThrow(expect.objectContaining({ message: expect.not.stringContaining('pw') }));
    expect(() => promBaseUrl('ftp://prom')).toThrow(/ftp: is not http or https/);
    expect(() => promBaseUrl('not a url')).toThrow(/is not a URL/);
  });
});
