import { basename } from 'node:path';
import { loadCatalog } from '../core/catalog/load.ts';
import type { Catalog } from '../core/catalog/schema.ts';
import type { HttpRequest } from '../core/http/request.ts';
import type { FakeAnswer } from './fake-http.ts';

const sample = { id: 's1', barcode: 'B1', sample_type: 'blood', status: 'received', storage_location_id: null, created_at: '2026-01-01T00:00:00Z' };
const user = { id: 'u1', email: 'admin@lab.local', role: 'admin' };

/** Test fixture: a minimal valid body for every TracSeq schema file the catalog names (by file name). */
export const VALID_BODIES: Readonly<Record<string, unknown>> = {
  'health.json': { status: 'healthy', service: 'x' },
  'user.json': user,
  'login-response.json': { access_token: 'token-0123456789', token_type: 'Bearer', expires_in: 3600, user },
  'sample.json': sample,
  'sample-list.json': { data: [sample], total: 1 },
  'location-list.json': { data: [{ id: 'l1', name: 'Freezer', temperature_c: -80, capacity: 10, used: 1 }] },
  'template-list.json': { data: [] },
  'job-list.json': { data: [] },
  'notification-list.json': { data: [] },
  'topic-list.json': { topics: [] },
  'transaction-list.json': { data: [] },
  'rag-answer.json': { answer: 'freezer 1', confidence: 0.9, sources: [] },
  'library-list.json': { data: [] },
  'qc-result-list.json': { data: [] },
  'report-list.json': { data: [] },
  'spreadsheet-list.json': { data: [] },
  'dashboard.json': { samples: 1, jobs: 0, services: 15 },
};

export const HEALTH_DETAILED_BODY = { status: 'healthy', service: 'x', dependencies: { database: { status: 'healthy', target: 'postgres:5432' } } };

const METRICS = ['http_requests_total', 'http_request_duration_seconds', 'circuit_breaker_state', 'circuit_breaker_failures', 'database_connection_pool_active',
  'sample_processing_duration_seconds', 'sequencing_queue_depth', 'event_bus_events_total', 'event_bus_dead_letter_queue_size', 'saga_active_transactions', 'saga_failed_transactions']
  .map((n) => `# TYPE ${n} gauge\n${n} 1\n`).join('');

/** A healthy in-memory TracSeq answering by path (any host): health, detailed, metrics, the catalog's key endpoints, sample CRUD. */
export function healthyRoute(catalog: Catalog = loadCatalog()): (req: HttpRequest) => FakeAnswer {
  const samples = new Map<string, unknown>();
  const byPath = new Map<string, string>(catalog.services.flatMap((s) => s.endpoints.map((e) => [`${e.method} ${e.path}`, typeof e.schema === 'string' ? basename(e.schema) : ''] as const)));
  return (req) => {
    const path = new URL(req.url).pathname;
    const method = req.method ?? 'GET';
    if (path === '/health') return { status: 200, body: VALID_BODIES['health.json'] };
    if (path === '/api/v1/heartbeat') return { status: 200, body: { 'nanosecond heartbeat': 1 } };
    if (path === '/health/detailed') return { status: 200, body: HEALTH_DETAILED_BODY };
    if (path === '/metrics') return { status: 200, body: METRICS };
    if (path === '/api/v1/samples' && method === 'POST') {
      const id = `s${samples.size + 1}`;
      const created = { ...sample, id, barcode: (req.body as { barcode: string }).barcode };
      samples.set(id, created);
      return { status: 201, body: created };
    }
    const one = /^\/api\/v1\/samples\/(.+)$/.exec(path);
    if (one) {
      const found = samples.get(one[1]!);
      if (!found) return { status: 404, body: { error: 'not found' } };
      if (method === 'DELETE') return samples.delete(one[1]!) ? { status: 204 } : { status: 404 };
      return { status: 200, body: found };
    }
    const schema = byPath.get(`${method} ${path}`);
    return schema !== undefined && schema in VALID_BODIES ? { status: 200, body: VALID_BODIES[schema] } : { status: 404, body: { error: `no route ${method} ${path}` } };
  };
}
