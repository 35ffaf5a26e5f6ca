import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { startPrometheus, waitForScrape, type RunningPrometheus } from './prometheus.ts';

let server: Server;
let targetUrl = '';
let prom: RunningPrometheus | undefined;
let hits = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits += 1;
    res.setHeader('content-type', 'text/plain; version=0.0.4');
    res.end(`# TYPE demo_total counter\ndemo_total{service="demo"} ${hits}\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  targetUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await prom?.stop();
  await new Promise((resolve) => server.close(resolve));
});

describe('startPrometheus', () => {
  it('starts Debian Prometheus on a free loopback port, scrapes a url map and answers queries', async () => {
    prom = await startPrometheus({ scrapeTargets: { demo: targetUrl }, scrapeInterval: '1s', remoteWriteReceiver: true });
    expect(prom.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const targets = await waitForScrape(prom.url, { jobs: ['demo'], requireUp: true, timeoutMs: 15_000 });
    expect(targets.map((t) => t.job)).toEqual(['demo']);
    const res = await request(`${prom.url}/api/v1/query?query=demo_total`);
    const body = (await res.body.json()) as { data: { result: { metric: Record<string, string> }[] } };
    expect(body.data.result[0]?.metric).toMatchObject({ job: 'demo', service: 'demo' });
  });

  it('accepts remote write and stops cleanly, removing its data dir and refusing connections', async () => {
    const running = prom!;
    const write = await request(running.remoteWriteUrl, { method: 'POST', body: 'not-snappy' });
    await write.body.dump();
    expect(write.statusCode).toBe(400);
    await running.stop();
    await running.stop();
    expect(existsSync(running.dataDir)).toBe(false);
    expect(() => process.kill(running.pid, 0)).toThrow();
    await expect(request(`${running.url}/-/ready`)).rejects.toThrow();
  });

  it('fails with an unreachable error naming the binary when Prometheus cannot start', async () => {
    await expect(startPrometheus({ scrapeTargets: { demo: targetUrl }, binary: '/nonexistent/prometheus' }))
      .rejects.toThrow(/cannot start prometheus \(\/nonexistent\/prometheus\)/);
  });
});
