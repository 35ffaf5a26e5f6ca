import { Agent, request, type Dispatcher } from 'undici';
import { UsageError } from '../../core/errors.ts';
import { authHeaders, redactor, type AuthSettings } from './auth.ts';
import { readCapped } from './body.ts';
import { parseQueryResponse } from './response.ts';
import { failure, type QueryResult } from './result.ts';

export interface PromClientOptions {
  /** Base URL of the Prometheus HTTP API, e.g. http://127.0.0.1:9090 (or a Mimir `/prometheus` prefix). */
  readonly url: string;
  readonly auth: AuthSettings;
  /** Per-request deadline (also sent as the `timeout` parameter). Default 10 s. */
  readonly timeoutMs?: number;
  /** Largest body accepted. Default 8 MiB. */
  readonly maxBodyBytes?: number;
  /** Queries longer than this go as a POST form. Default 1500 characters. */
  readonly postAbove?: number;
}

export interface PromClient {
  readonly url: string;
  /** Instant query at `time` (unix seconds). Never throws: failures come back classified. */
  query(expr: string, time: number, signal?: AbortSignal): Promise<QueryResult>;
  close(): Promise<void>;
}

/** Validates the base URL (http/https, no credentials in it) and trims trailing slashes. */
export function promBaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--prometheus: "${text.replace(/\/\/[^/@]*@/, '//***@')}" is not a URL (e.g. http://127.0.0.1:9090)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--prometheus: ${url.protocol} is not http or https`);
  if (url.username || url.password) throw new UsageError('--prometheus: put credentials in PROMETHEUS_USERNAME/PROMETHEUS_PASSWORD or a bearer token env var, not in the URL');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export function createPromClient(options: PromClientOptions): PromClient {
  const base = promBaseUrl(options.url);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBody = options.maxBodyBytes ?? 8 * 1024 * 1024;
  const postAbove = options.postAbove ?? 1500;
  const headers = authHeaders(options.auth);
  const redact = redactor(options.auth);
  const dispatcher: Dispatcher = new Agent({
    connect: { ...(options.auth.ca ? { ca: options.auth.ca.pem } : {}), rejectUnauthorized: !options.auth.insecure, timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const endpoint = `${base}/api/v1/query`;

  async function query(expr: string, time: number, signal?: AbortSignal): Promise<QueryResult> {
    const params = new URLSearchParams({ query: expr, time: String(time), timeout: `${Math.max(1, Math.floor(timeoutMs / 1000))}s` });
    const usePost = expr.length > postAbove;
    const deadline = AbortSignal.timeout(timeoutMs);
    try {
      const res = await request(usePost ? endpoint : `${endpoint}?${params}`, {
        method: usePost ? 'POST' : 'GET',
        headers: { accept: 'application/json', ...headers, ...(usePost ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        ...(usePost ? { body: params.toString() } : {}),
        dispatcher,
        signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
      });
      const body = await readCapped(res.body, maxBody);
      if ('tooLarge' in body) return failure('too-large', `answer from ${endpoint} is larger than ${maxBody} bytes; narrow the query`, res.statusCode);
      const contentType = res.headers['content-type'];
      const result = parseQueryResponse({ status: res.statusCode, contentType: Array.isArray(contentType) ? contentType[0] : contentType, body: body.text });
      return result.ok ? result : { ...result, message: redact(result.message) };
    } catch (err) {
      // Our own interrupt is not Prometheus' fault: say so, never "unreachable".
      if (signal?.aborted) return failure('interrupted', `query to ${endpoint} stopped: the run was interrupted`);
      return classifyError(err, endpoint, timeoutMs, deadline, redact);
    }
  }

  return { url: base, query, close: () => dispatcher.close() };
}

function classifyError(err: unknown, endpoint: string, timeoutMs: number, deadline: AbortSignal, redact: (t: string) => string): QueryResult {
  const e = err as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const code = e.code ?? e.cause?.code ?? e.name;
  const detail = redact(`${code ?? ''} ${e.cause?.message ?? e.message ?? String(err)}`.trim());
  if (deadline.aborted || /TIMEOUT/i.test(code ?? '')) return failure('timeout', `no answer from ${endpoint} within ${timeoutMs} ms`);
  if (e.name === 'AbortError') return failure('timeout', `query to ${endpoint} was cancelled`);
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(`${code} ${detail}`)) {
    return failure('tls', `TLS to ${endpoint} failed (${detail}); give the CA with --ca-file, or --insecure-skip-verify to skip verification explicitly`);
  }
  return failure('unreachable', `cannot reach Prometheus at ${endpoint} (${detail})`);
}
