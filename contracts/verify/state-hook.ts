import { createHttpClient, type HttpClient } from '../../core/http/request.ts';
import type { StateHook } from './contract-verification.ts';

export interface StateHookOptions {
  readonly provider: string;
  /** Base URL of the provider-state hook (`/__admin/seed`, `/__admin/produce` are appended). */
  readonly hookUrl: string;
  readonly providerUrl: string;
  readonly http?: HttpClient;
  readonly timeoutMs?: number;
}

/** A StateHook over HTTP; any non-2xx answer or transport failure throws an Error naming the URL. */
export function createStateHook(options: StateHookOptions): StateHook {
  const http = options.http ?? createHttpClient();
  const timeoutMs = options.timeoutMs ?? 10_000;
  const call = async (method: 'GET' | 'POST', url: string, body?: unknown): Promise<unknown> => {
    const result = await http.send({ method, url, body, timeoutMs });
    if (!result.ok) throw new Error(`${method} ${url}: ${result.failure.message}`);
    const { status, text } = result.response;
    if (status < 200 || status >= 300) throw new Error(`${method} ${url}: HTTP ${status}: ${text.replace(/\s+/g, ' ').slice(0, 200)}`);
    try {
      return text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      throw new Error(`${method} ${url}: answer is not JSON: ${text.slice(0, 200)}`);
    }
  };
  return {
    provider: options.provider,
    seed: (body) => call('POST', `${options.hookUrl}/__admin/seed`, body),
    produce: (event, data) => call('POST', `${options.hookUrl}/__admin/produce`, data === undefined ? { event } : { event, data }),
    api: (method, path, body) => call(method, `${options.providerUrl}${path}`, body),
  };
}
