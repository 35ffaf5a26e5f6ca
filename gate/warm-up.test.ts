import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../core/catalog/load.ts';
import { resolveCatalog } from '../core/catalog/resolve.ts';
import type { HttpClient, HttpRequest } from '../core/http/request.ts';
import { warmUp, warmUpRequests } from './warm-up.ts';

const resolved = resolveCatalog(loadCatalog(), 'local', { TEMPLATE_SERVICE_URL: 'http://127.0.0.1:25083' });

describe('warming up the local stack', () => {
  it('asks every http service for its health and the catalog endpoints that need no token', () => {
    const urls = warmUpRequests(resolved, 1000).map((r) => `${r.method} ${r.url}`);
    expect(urls).toContain('GET http://127.0.0.1:25083/health');
    expect(urls).toContain('GET http://127.0.0.1:25083/api/v1/templates');
    expect(urls).toContain('POST http://127.0.0.1:8080/api/v1/auth/login');
    expect(urls.some((u) => u.includes('/api/v1/users/me'))).toBe(false);
    expect(urls.some((u) => /postgres|redis|chroma/.test(u))).toBe(false);
  });

  it('sends a bounded number of rounds and counts the answers without judging them', async () => {
    const seen: HttpRequest[] = [];
    const http: HttpClient = { send: async (r) => { seen.push(r); return r.url.includes('8081') ? { ok: false, durationMs: 1, failure: { kind: 'connection-refused', message: 'refused' } } : { ok: true, response: { status: 200, headers: {}, text: '', durationMs: 1 } }; } };
    const per = warmUpRequests(resolved, 1000).length;
    const out = await warmUp(http, resolved, { rounds: 3, timeoutMs: 1000 });
    expect(out.sent).toBe(3 * per);
    expect(seen).toHaveLength(3 * per);
    expect(out.answered).toBe(out.sent - seen.filter((r) => r.url.includes('8081')).length);
  });

  it('stops between rounds once interrupted', async () => {
    const controller = new AbortController();
    const http: HttpClient = { send: async () => { controller.abort(); return { ok: true, response: { status: 200, headers: {}, text: '', durationMs: 1 } }; } };
    const out = await warmUp(http, resolved, { rounds: 5, timeoutMs: 1000, signal: controller.signal });
    expect(out.sent).toBe(warmUpRequests(resolved, 1000).length);
  });
});
