import { loadCatalog } from '../core/catalog/load.ts';
import type { Catalog } from '../core/catalog/schema.ts';
import type { HttpRequest } from '../core/http/request.ts';
import type { ResponseSchemaName } from '../core/response-schemas.ts';
import type { FakeAnswer } from './fake-http.ts';

/** Test fixture: a minimal valid body for every response schema the catalog names. */
export const VALID_BODIES: Record<ResponseSchemaName, unknown> = {
  Health: { status: 'healthy', service: 'x' },
  HealthDetailed: { status: 'healthy', service: 'x', dependencies: { database: { status: 'healthy', target: 'postgres:5432' } } },
  User: { id: 'u1', email: 'admin@lab.local', role: 'admin' },
  LoginResponse: { access_token: 'token-0123456789', token_type: 'Bearer', expires_in: 3600, user: { id: 'u1', email: 'admin@lab.local', role: 'admin' } },
  Sample: { id: 's1', barcode: 'B1', sample_type: 'blood', status: 'received', storage_location_id: null, created_at: '2026-01-01T00:00:00Z' },
  SampleList: { data: [{ id: 's1', barcode: 'B1', sample_type: 'blood', status: 'received', storage_location_id: null, created_at: '2026-01-01T00:00:00Z' }], total: 1 },
  LocationList: { data: [{ id: 'l1', name: 'Freezer', temperature_c: -80, capacity: 10, used: 1 }] },
  Assignment: { id: 'a1', sample_id: 's1', location_id: 'l1', position: 'A1' },
  TemplateList: { data: [] },
  Job: { id: 'j1', sample_id: 's1', status: 'queued', platform: 'x' },
  JobList: { data: [] },
  NotificationList: { data: [] },
  TopicList: { topics: [] },
  TransactionList: { data: [] },
  RagAnswer: { answer: 'freezer 1', confidence: 0.9, sources: [] },
  LibraryList: { data: [] },
  QcResultList: { data: [] },
  ReportList: { data: [] },
  SpreadsheetList: { data: [] },
  Dashboard: { samples: 1, jobs: 0, services: 15 },
};

const METRICS = ['http_requests_total', 'http_request_duration_seconds', 'circuit_breaker_state', 'circuit_breaker_failures', 'database_connection_pool_active',
  'sample_processing_duration_seconds', 'sequencing_queue_depth', 'event_bus_events_total', 'event_bus_dead_letter_queue_size', 'saga_active_transactions', 'saga_failed_transactions']
  .map((n) => `# TYPE ${n} gauge\n${n} 1\n`).join('');

/** A healthy in-memory TracSeq answering by path (any host): health, detailed, metrics, the catalog's key endpoints, sample CRUD. */
export function healthyRoute(catalog: Catalog = loadCatalog()): (req: HttpRequest) => FakeAnswer {
  const samples = new Map<string, unknown>();
  const byPath = new Map<string, ResponseSchemaName>(catalog.services.flatMap((s) => s.endpoints.map((e) => [`${e.method} ${e.path}`, e.schema as ResponseSchemaName] as const)));
  return (req) => {
    const path = new URL(req.url).pathname;
    const method = req.method ?? 'GET';
    if (path === '/health' || path === '/api/v1/heartbeat') return path === '/health' ? { status: 200, body: VALID_BODIES.Health } : { status: 200, body: { 'nanosecond heartbeat': 1 } };
    if (path === '/health/detailed') return { status: 200, body: VALID_BODIES.HealthDetailed };
    if (path === '/metrics') return { status: 200, body: METRICS };
    if (path === '/api/v1/auth/login') return { status: 200, body: VALID_BODIES.LoginResponse };
    if (path === '/api/v1/users/me') return { status: 200, body: VALID_BODIES.User };
    if (path === '/api/v1/samples' && method === 'POST') {
      const id = `s${samples.size + 1}`;
      const sample = { ...(VALID_BODIES.Sample as object), id, barcode: (req.body as { barcode: string }).barcode };
      samples.set(id, sample);
      return { status: 201, body: sample };
    }
    const one = /^\/api\/v1\/samples\/(.+)$/.exec(path);
    if (one) {
      const found = samples.get(one[1]!);
      if (!found) return { status: 404, body: { error: 'not found' } };
      if (method === 'DELETE') return samples.delete(one[1]!) ? { status: 204 } : { status: 404 };
      return { status: 200, body: found };
    }
    const schema = byPath.get(`${method} ${path}`);
    return schema ? { status: 200, body: VALID_BODIES[schema] } : { status: 404, body: { error: `no route ${method} ${path}` } };
  };
}
