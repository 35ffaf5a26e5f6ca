import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';

/**
 * Writes a synthetic k6 JSON results file shaped like the runner's own (`--out json`, the system
 * tags it keeps, every metric k6 emits per request, per iteration and per second) at `rps` requests
 * per second until `bytes` are written. Deterministic (seeded), so runs compare.
 */
const TAGS = [
  ['sample-service', 'list-samples', 'GET', 'GET /api/v1/samples?limit=20', 'browse'],
  ['sample-service', 'get-sample', 'GET', 'GET /api/v1/samples/{id}', 'browse'],
  ['sample-service', 'create-sample', 'POST', 'POST /api/v1/samples', 'register'],
  ['storage-service', 'assign-storage', 'POST', 'POST /api/v1/storage/assignments', 'register'],
  ['sequencing-service', 'get-job', 'GET', 'GET /api/v1/sequencing/jobs/{id}', 'sequence'],
] as const;
const PER_REQUEST = ['http_reqs', 'http_req_duration', 'http_req_blocked', 'http_req_connecting', 'http_req_tls_handshaking', 'http_req_sending', 'http_req_waiting', 'http_req_receiving', 'http_req_failed', 'data_sent', 'data_received'];

export interface SyntheticInfo {
  readonly requests: number;
  readonly seconds: number;
  readonly bytes: number;
}

export async function writeSyntheticResults(file: string, bytes: number, rps = 1000, start = Date.UTC(2026, 0, 1)): Promise<SyntheticInfo> {
  const sink = createWriteStream(file);
  const out = file.endsWith('.gz') ? createGzip({ level: 1 }) : undefined;
  if (out) out.pipe(sink);
  const target = out ?? sink;
  let seed = 42;
  const rnd = () => ((seed = (seed * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32);
  let written = 0;
  let requests = 0;
  let chunk = '';
  const seen = new Set<string>();
  const line = (metric: string, time: string, value: number, tags: string) => {
    if (!seen.has(metric)) {
      seen.add(metric);
      chunk += `{"type":"Metric","data":{"name":"${metric}","type":"trend","contains":"time","thresholds":[],"submetrics":null},"metric":"${metric}"}\n`;
    }
    chunk += `{"metric":"${metric}","type":"Point","data":{"time":"${time}","value":${value},"tags":${tags}}}\n`;
  };
  let lastSecond = -1;
  while (written < bytes) {
    const t = start + (requests * 1000) / rps;
    const time = new Date(t).toISOString().replace('Z', `${String(Math.floor(rnd() * 1e6)).padStart(6, '0')}Z`);
    const second = Math.floor(t / 1000);
    if (second !== lastSecond) {
      lastSecond = second;
      line('vus', time, 40 + Math.floor(rnd() * 20), '{}');
      line('vus_max', time, 100, '{}');
    }
    const [service, endpoint, method, name, scenario] = TAGS[Math.floor(rnd() * TAGS.length)]!;
    const failed = rnd() < 0.005;
    const status = failed ? '500' : rnd() < 0.002 ? '429' : '200';
    const tags = `{"endpoint":"${endpoint}","expected_response":"${failed ? 'false' : 'true'}","group":"","method":"${method}","name":"${name}","scenario":"${scenario}","service":"${service}","status":"${status}"}`;
    const duration = Math.exp(Math.log(20) + 0.7 * (rnd() + rnd() + rnd() - 1.5) * 2);
    for (const metric of PER_REQUEST) {
      const value = metric === 'http_req_duration' ? duration : metric === 'http_req_failed' ? (failed ? 1 : 0) : metric === 'http_reqs' ? 1 : Math.round(rnd() * 1000) / 1000;
      line(metric, time, value, tags);
    }
    if (requests % 3 === 0) {
      line('iteration_duration', time, duration * 2.6, `{"group":"","scenario":"${scenario}"}`);
      line('iterations', time, 1, `{"group":"","scenario":"${scenario}"}`);
    }
    requests += 1;
    if (chunk.length > 1 << 20) {
      written += Buffer.byteLength(chunk);
      if (!target.write(chunk)) await once(target, 'drain');
      chunk = '';
    }
  }
  written += Buffer.byteLength(chunk);
  target.end(chunk);
  await once(sink, 'finish');
  return { requests, seconds: requests / rps, bytes: written };
}
