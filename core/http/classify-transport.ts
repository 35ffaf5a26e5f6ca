import type { Failure } from '../result.ts';

/** What the classifier knows about the request that failed. */
export interface TransportContext {
  url: string;
  /** The request's own deadline (ms). */
  timeoutMs: number;
  /** True when our per-request deadline fired (not the caller's abort). */
  deadlineHit?: boolean;
  /** True when the caller's signal aborted (Ctrl-C): the check was interrupted, not failed. */
  interrupted?: boolean;
}

const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_OSSL_|HOSTNAME_MISMATCH)/;
const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME']);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED', 'UND_ERR_CLOSED']);
const UNREACHABLE_CODES = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

interface ErrorLike {
  name?: string;
  code?: string;
  message?: string;
  cause?: unknown;
  errors?: unknown[];
}

/** Every error in the chain: the error, its `cause`s and an AggregateError's members. */
export function errorChain(err: unknown, depth = 0): ErrorLike[] {
  if (depth > 6 || err === null || typeof err !== 'object') return [];
  const e = err as ErrorLike;
  return [e, ...errorChain(e.cause, depth + 1), ...(Array.isArray(e.errors) ? e.errors.flatMap((x) => errorChain(x, depth + 1)) : [])];
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * Maps a transport error (undici/Node) to a classified one-line Failure. Pure: the context says
 * whether our deadline or the caller's signal fired, since both surface as an AbortError.
 */
export function classifyTransportError(err: unknown, ctx: TransportContext): Failure {
  const chain = errorChain(err);
  const codes = chain.map((e) => e.code ?? '').filter(Boolean);
  const code = (pred: (c: string) => boolean): string | undefined => codes.find(pred);
  const base = { url: ctx.url };
  if (ctx.interrupted) return { ...base, kind: 'interrupted', message: 'interrupted before a response arrived' };
  const tls = code((c) => TLS_CODE.test(c) || c === 'EPROTO');
  if (tls) return { ...base, kind: 'tls', message: `TLS handshake failed with ${hostOf(ctx.url)} (${tls})` };
  if (code((c) => c === 'ECONNREFUSED')) return { ...base, kind: 'connection-refused', message: `connection refused by ${hostOf(ctx.url)} (ECONNREFUSED)` };
  const dns = code((c) => DNS_CODES.has(c));
  if (dns) return { ...base, kind: 'dns', message: `DNS lookup failed for ${new URL(ctx.url).hostname} (${dns})` };
  const timeout = code((c) => TIMEOUT_CODES.has(c));
  if (ctx.deadlineHit || timeout || chain.some((e) => e.name === 'TimeoutError')) {
    return { ...base, kind: 'timeout', message: `no complete response within ${ctx.timeoutMs} ms${timeout ? ` (${timeout})` : ''}` };
  }
  const unreachable = code((c) => UNREACHABLE_CODES.has(c));
  if (unreachable) return { ...base, kind: 'connection-refused', message: `${hostOf(ctx.url)} is unreachable (${unreachable})` };
  const reset = code((c) => RESET_CODES.has(c));
  if (reset) return { ...base, kind: 'connection-reset', message: `connection to ${hostOf(ctx.url)} closed before a complete response (${reset})` };
  const first = chain.find((e) => e.message)?.message ?? String(err);
  return { ...base, kind: 'internal', message: `request failed: ${first.split('\n')[0]}${codes[0] ? ` (${codes[0]})` : ''}` };
}
