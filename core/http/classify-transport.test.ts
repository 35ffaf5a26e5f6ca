import { describe, expect, it } from 'vitest';
import { classifyTransportError } from './classify-transport.ts';

function err(code: string | undefined, message = 'x', extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), code ? { code } : {}, extra);
}

const url = 'http://sample-service.staging.tracseq.internal:8081/health';
const ctx = { url, timeoutMs: 5000 };

describe('the transport failure classifier', () => {
  it.each([
    ['ECONNREFUSED', 'connection-refused', 'connection refused by sample-service.staging.tracseq.internal:8081 (ECONNREFUSED)'],
    ['ENOTFOUND', 'dns', 'DNS lookup failed for sample-service.staging.tracseq.internal (ENOTFOUND)'],
    ['EAI_AGAIN', 'dns', 'DNS lookup failed for sample-service.staging.tracseq.internal (EAI_AGAIN)'],
    ['UND_ERR_CONNECT_TIMEOUT', 'timeout', 'no complete response within 5000 ms (UND_ERR_CONNECT_TIMEOUT)'],
    ['UND_ERR_HEADERS_TIMEOUT', 'timeout', 'no complete response within 5000 ms (UND_ERR_HEADERS_TIMEOUT)'],
    ['UND_ERR_BODY_TIMEOUT', 'timeout', 'no complete response within 5000 ms (UND_ERR_BODY_TIMEOUT)'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls', 'TLS handshake failed with sample-service.staging.tracseq.internal:8081 (ERR_TLS_CERT_ALTNAME_INVALID)'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls', 'TLS handshake failed with sample-service.staging.tracseq.internal:8081 (DEPTH_ZERO_SELF_SIGNED_CERT)'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'tls', 'TLS handshake failed with sample-service.staging.tracseq.internal:8081 (ERR_SSL_WRONG_VERSION_NUMBER)'],
    ['EPROTO', 'tls', 'TLS handshake failed with sample-service.staging.tracseq.internal:8081 (EPROTO)'],
    ['ECONNRESET', 'connection-reset', 'connection to sample-service.staging.tracseq.internal:8081 closed before a complete response (ECONNRESET)'],
    ['UND_ERR_SOCKET', 'connection-reset', 'connection to sample-service.staging.tracseq.internal:8081 closed before a complete response (UND_ERR_SOCKET)'],
    ['EHOSTUNREACH', 'connection-refused', 'sample-service.staging.tracseq.internal:8081 is unreachable (EHOSTUNREACH)'],
  ])('classifies %s as %s', (code, kind, message) => {
    expect(classifyTransportError(err(code), ctx)).toEqual({ kind, message, url });
  });

  it('finds the code inside a fetch-style cause chain', () => {
    const wrapped = new TypeError('fetch failed', { cause: err('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:8081') });
    expect(classifyTransportError(wrapped, ctx).kind).toBe('connection-refused');
  });

  it('finds the code inside an AggregateError (happy eyeballs over ::1 and 127.0.0.1)', () => {
    const aggregate = new AggregateError([err('ECONNREFUSED'), err('ECONNREFUSED')], '');
    expect(classifyTransportError(aggregate, ctx).kind).toBe('connection-refused');
  });

  it('calls our own deadline a timeout even though it surfaces as an AbortError', () => {
    const abort = err(undefined, 'This operation was aborted', { name: 'AbortError' });
    expect(classifyTransportError(abort, { ...ctx, deadlineHit: true })).toEqual({ kind: 'timeout', url, message: 'no complete response within 5000 ms' });
    expect(classifyTransportError(err(undefined, 'signal timed out', { name: 'TimeoutError' }), ctx).kind).toBe('timeout');
  });

  it('calls a caller abort (Ctrl-C) interrupted, never a failure of the service', () => {
    expect(classifyTransportError(err(undefined, 'aborted', { name: 'AbortError' }), { ...ctx, interrupted: true, deadlineHit: true }).kind).toBe('interrupted');
  });

  it('keeps an unknown error as internal with its first line and code', () => {
    expect(classifyTransportError(err('EWEIRD', 'odd thing\nstack...'), ctx)).toEqual({ kind: 'internal', url, message: 'request failed: odd thing (EWEIRD)' });
    expect(classifyTransportError('plain string', ctx).message).toBe('request failed: plain string');
  });
});
