import { loadCatalog } from '../../core/catalog/load.ts';
import { sendLoad, type LoadCounts } from './load-driver.ts';

/**
 * A healthy mix for every catalog service: each key endpoint (with a token where it needs one),
 * plus sample creations so that sample processing has observations. Returns counts per service.
 */
export async function loadEveryService(urls: Readonly<Record<string, string>>, perEndpoint: number): Promise<Record<string, LoadCounts>> {
  const catalog = loadCatalog();
  const login = await sendJson(`${urls['auth-service']}/api/v1/auth/login`, { email: 'admin@lab.local', password: 'admin123' });
  const token = (login as { access_token?: string }).access_token;
  if (!token) throw new Error('load: login to auth-service gave no token');
  const out: Record<string, LoadCounts> = {};
  for (const service of catalog.services.filter((s) => s.kind === 'http' && urls[s.id])) {
    for (const endpoint of service.endpoints) {
      out[`${service.id} ${endpoint.name}`] = await sendLoad({
        url: `${urls[service.id]}${endpoint.path}`, method: endpoint.method === 'POST' ? 'POST' : 'GET', body: endpoint.body,
        headers: endpoint.auth ? { authorization: `Bearer ${token}` } : {}, count: perEndpoint, concurrency: 4, deadlineMs: 20_000,
      });
    }
  }
  out['sample-service create'] = await sendLoad({ url: `${urls['sample-service']}/api/v1/samples`, method: 'POST', body: { sample_type: 'blood' }, count: perEndpoint, concurrency: 2, deadlineMs: 20_000 });
  return out;
}

async function sendJson(url: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(5000) });
  return res.json();
}
