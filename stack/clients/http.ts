import { request, type Dispatcher } from 'undici';
import type { z } from 'zod';
import { formatIssues } from '../../core/zod-issues.ts';

/** How every client is built: a base URL (a real service or a Pact mock server), an optional token and pool. */
export interface ClientOptions {
  readonly baseUrl: string;
  readonly token?: string;
  /** Keep-alive pool to use (services pass theirs); default: undici's global agent. */
  readonly dispatcher?: Dispatcher;
  readonly timeoutMs?: number;
  /** Extra headers sent with every request (e.g. x-request-id). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** A provider answered with an unexpected status, or a body the consumer cannot read. */
export class ClientError extends Error {
  readonly status: number;
  readonly provider: string;
  constructor(provider: string, status: number, message: string) {
    super(`${provider}: ${message}`);
    this.provider = provider;
    this.status = status;
  }
}

export interface JsonAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** One JSON request; network errors propagate, any status is returned. */
export async function sendJson(options: ClientOptions, method: Dispatcher.HttpMethod, path: string, body?: unknown): Promise<JsonAnswer> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  const res = await request(`${options.baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  });
  const text = await res.body.text();
  let parsed: unknown = text;
  if (text && (res.headers['content-type'] ?? '').toString().includes('json')) {
    try {
      parsed = JSON.parse(text) as unknown;
    } catch {
      parsed = text;
    }
  }
  return { status: res.statusCode, body: parsed };
}

/** Expects one of `ok` statuses and a body matching `schema` (only the fields the consumer uses). */
export function expectBody<S extends z.ZodType>(provider: string, answer: JsonAnswer, ok: readonly number[], schema: S): z.infer<S> {
  if (!ok.includes(answer.status)) {
    const detail = typeof answer.body === 'object' && answer.body && 'error' in answer.body ? String((answer.body as { error: unknown }).error) : JSON.stringify(answer.body);
    throw new ClientError(provider, answer.status, `answered ${answer.status}${detail ? `: ${detail}` : ''}`);
  }
  const parsed = schema.safeParse(answer.body);
  if (!parsed.success) throw new ClientError(provider, answer.status, `unexpected response body: ${formatIssues(parsed.error).join('; ')}`);
  return parsed.data;
}

export function expectStatus(provider: string, answer: JsonAnswer, ok: readonly number[]): void {
  if (!ok.includes(answer.status)) throw new ClientError(provider, answer.status, `answered ${answer.status}: ${JSON.stringify(answer.body)}`);
}
