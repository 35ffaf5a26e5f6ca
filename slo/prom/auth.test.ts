import { describe, expect, it } from 'vitest';
import { authHeaders, describeAuth, redactor, redactUrl, resolveAuth } from './auth.ts';

const files: Record<string, string> = { '/run/token': 's3cr3t-token\n', '/run/pw': 'hunter2-pw\n', '/run/ca.pem': '-----BEGIN CERTIFICATE-----\nx\n', '/run/empty': '\n' };
const readText = (file: string) => {
  const text = files[file];
  if (text === undefined) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
  return text;
};

describe('resolveAuth and authHeaders', () => {
  it('sends no credentials when nothing is configured', () => {
    const auth = resolveAuth({}, {}, readText);
    expect(authHeaders(auth)).toEqual({});
    expect(describeAuth(auth)).toBe('no auth');
  });

  it('builds a bearer header from a token file (trailing newline trimmed) or from the env var', () => {
    expect(authHeaders(resolveAuth({ bearerTokenFile: '/run/token' }, {}, readText))).toEqual({ authorization: 'Bearer s3cr3t-token' });
    expect(authHeaders(resolveAuth({}, { PROMETHEUS_BEARER_TOKEN_FILE: '/run/token' }, readText))).toEqual({ authorization: 'Bearer s3cr3t-token' });
    expect(authHeaders(resolveAuth({}, { PROMETHEUS_BEARER_TOKEN: 'from-env' }, readText))).toEqual({ authorization: 'Bearer from-env' });
  });

  it('builds basic auth from the user flag and the password env var or file', () => {
    const expected = `Basic ${Buffer.from('alice:hunter2-pw').toString('base64')}`;
    expect(authHeaders(resolveAuth({ basicAuthUser: 'alice', basicAuthPasswordFile: '/run/pw' }, {}, readText))).toEqual({ authorization: expected });
    expect(authHeaders(resolveAuth({}, { PROMETHEUS_USERNAME: 'alice', PROMETHEUS_PASSWORD: 'hunter2-pw' }, readText))).toEqual({ authorization: expected });
  });

  it('adds extra headers such as X-Scope-OrgID beside the credentials', () => {
    const auth = resolveAuth({ header: ['X-Scope-OrgID: tenant-1', 'X-Extra=1'] }, { PROMETHEUS_BEARER_TOKEN: 't' }, readText);
    expect(authHeaders(auth)).toEqual({ 'X-Scope-OrgID': 'tenant-1', 'X-Extra': '1', authorization: 'Bearer t' });
  });

  it.each([
    [{ basicAuthUser: 'alice' }, {}, /--basic-auth-user: give the password in PROMETHEUS_PASSWORD/],
    [{ bearerTokenFile: '/run/missing' }, {}, /--bearer-token-file: cannot read \/run\/missing \(ENOENT\)/],
    [{ bearerTokenFile: '/run/empty' }, {}, /--bearer-token-file: \/run\/empty is empty/],
    [{ basicAuthUser: 'a' }, { PROMETHEUS_PASSWORD: 'p', PROMETHEUS_BEARER_TOKEN: 't' }, /choose a bearer token or basic auth, not both/],
    [{ header: ['Authorization: Bearer abc'] }, {}, /--header Authorization: put credentials in PROMETHEUS_BEARER_TOKEN/],
    [{ header: ['no-separator'] }, {}, /--header: "no-separator" is not NAME: VALUE/],
    [{ caFile: '/run/ca.pem', insecureSkipVerify: true }, {}, /--ca-file and --insecure-skip-verify contradict/],
  ])('rejects %j with env %j', (flags, env, message) => {
    expect(() => resolveAuth(flags, env, readText)).toThrow(message);
  });

  it('never lets a credential-looking header value leak into the usage error', () => {
    expect(() => resolveAuth({ header: ['X-Api-Key: topsecret'] }, {}, readText)).toThrow(expect.objectContaining({ message: expect.not.stringContaining('topsecret') }));
  });

  it('describes the auth by source and never by value', () => {
    const text = describeAuth(resolveAuth({ basicAuthUser: 'alice', caFile: '/run/ca.pem', header: ['X-Scope-OrgID: t1'] }, { PROMETHEUS_PASSWORD: 'hunter2-pw' }, readText));
    expect(text).toBe('basic auth as alice (password from env PROMETHEUS_PASSWORD), header X-Scope-OrgID, CA /run/ca.pem');
    expect(describeAuth(resolveAuth({ insecureSkipVerify: true }, {}, readText))).toMatch(/TLS verification OFF/);
  });
});

describe('redaction', () => {
  it('scrubs the token, the password and the base64 basic credentials from any text', () => {
    const basic = resolveAuth({}, { PROMETHEUS_USERNAME: 'alice', PROMETHEUS_PASSWORD: 'hunter2-pw' }, readText);
    const b64 = Buffer.from('alice:hunter2-pw').toString('base64');
    expect(redactor(basic)(`failed with hunter2-pw and Basic ${b64}`)).toBe('failed with *** and Basic ***');
    const bearer = resolveAuth({ bearerTokenFile: '/run/token' }, {}, readText);
    expect(redactor(bearer)('echo: Bearer s3cr3t-token')).toBe('echo: Bearer ***');
  });

  it('strips user:password@ from URLs', () => {
    expect(redactUrl('cannot reach https://bob:pw@prom.example/api (x)')).toBe('cannot reach https://***@prom.example/api (x)');
    expect(redactUrl('http://127.0.0.1:9090/api/v1/query')).toBe('http://127.0.0.1:9090/api/v1/query');
  });
});
