import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVerifiers } from './run-verifiers.ts';
import type { WorkerJob } from './worker-protocol.ts';

let dir: string;
let healthy: Server;
let dropping: TcpServer;

const listen = (server: Server | TcpServer) => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`)));

function pact(provider: string): string {
  return JSON.stringify({
    consumer: { name: 'probe' },
    provider: { name: provider },
    interactions: [{ type: 'Synchronous/HTTP', description: 'ping: the provider answers', request: { method: 'GET', path: '/ping' }, response: { status: 200, body: { content: { ok: true }, contentType: 'application/json', encoded: false } } }],
    metadata: { pactSpecification: { version: '4.0' } },
  });
}

function job(provider: string, url: string): WorkerJob {
  return { provider, providerUrl: url, hookUrl: url, contracts: [], catalogStates: [], publishes: [], source: { kind: 'files', files: [join(dir, `${provider}.json`)] }, timeoutMs: 5_000 };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'run-verifier-'));
  healthy = createHttpServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
  dropping = createTcpServer((socket) => socket.destroy());
  await writeFile(join(dir, 'healthy.json'), pact('healthy'));
  await writeFile(join(dir, 'dropping.json'), pact('dropping'));
});

afterAll(async () => {
  healthy?.close();
  dropping?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the verifier processes', () => {
  // The reset reaches pact-js's proxy either as ECONNRESET or as "socket hang up", depending on timing.
  it('lose only the provider that kills the verifier; the next provider is verified in a fresh process', async () => {
    const [droppingUrl, healthyUrl] = [await listen(dropping), await listen(healthy)];
    const outcomes = await runVerifiers([job('dropping', droppingUrl), job('healthy', healthyUrl)], { signal: new AbortController().signal, deadlineMs: 60_000, env: process.env });
    expect(outcomes[0]).toMatchObject({ kind: 'crashed', message: expect.stringMatching(/^verifier process for dropping exited \(code 1\) without a result: .*(ECONNRESET|socket hang up)/) });
    expect(outcomes[1]).toMatchObject({ kind: 'verified', output: { result: true, interactionResults: [{ description: 'ping: the provider answers', result: 'OK' }] } });
  }, 120_000);

  it('stops at once when aborted, calling every job interrupted', async () => {
    const controller = new AbortController();
    controller.abort();
    const outcomes = await runVerifiers([job('healthy', 'http://127.0.0.1:1')], { signal: controller.signal, deadlineMs: 60_000, env: process.env });
    expect(outcomes).toEqual([{ kind: 'crashed', message: 'verification interrupted', cause: 'interrupted' }]);
  });
});
