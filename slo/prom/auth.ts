import { ConfigError, UsageError } from '../../core/errors.ts';

/**
 * How to authenticate to Prometheus (or Thanos, Mimir, VictoriaMetrics behind a proxy).
 * Secrets come from env vars or files, never from the command line, and are never printed:
 * `describeAuth` names their sources, `redactor` scrubs them from any text.
 */
export interface AuthSettings {
  readonly bearerToken?: { readonly value: string; readonly source: string };
  readonly basic?: { readonly username: string; readonly password: string; readonly source: string };
  /** Extra headers such as X-Scope-OrgID (Mimir / Cortex tenants). */
  readonly headers: Readonly<Record<string, string>>;
  readonly ca?: { readonly pem: string; readonly file: string };
  /** Explicit --insecure-skip-verify: do not verify the server's certificate. */
  readonly insecure: boolean;
}

export interface AuthFlags {
  readonly bearerTokenFile?: string | undefined;
  readonly basicAuthUser?: string | undefined;
  readonly basicAuthPasswordFile?: string | undefined;
  readonly header?: readonly string[] | undefined;
  readonly caFile?: string | undefined;
  readonly insecureSkipVerify?: boolean | undefined;
}

export type ReadText = (file: string) => string;

const SECRET_HEADER = /authorization|token|secret|password|api-?key|cookie/i;

function readSecret(readText: ReadText, file: string, flag: string): string {
  let text: string;
  try {
    text = readText(file);
  } catch (err) {
    throw new ConfigError(`${flag}: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  const value = text.replace(/\r?\n$/, '');
  if (!value) throw new ConfigError(`${flag}: ${file} is empty`);
  return value;
}

function parseHeader(text: string): [string, string] {
  const match = /^([A-Za-z0-9-]+)\s*[:=]\s*(.*)$/.exec(text);
  if (!match) throw new UsageError(`--header: "${text.replace(/[:=].*/, ':…')}" is not NAME: VALUE`);
  if (SECRET_HEADER.test(match[1]!)) {
    throw new UsageError(`--header ${match[1]}: put credentials in PROMETHEUS_BEARER_TOKEN(_FILE) or PROMETHEUS_PASSWORD(_FILE), not on the command line`);
  }
  return [match[1]!, match[2]!];
}

/** Builds settings from flags and env vars (PROMETHEUS_BEARER_TOKEN[_FILE], PROMETHEUS_USERNAME, PROMETHEUS_PASSWORD[_FILE], PROMETHEUS_CA_FILE). */
export function resolveAuth(flags: AuthFlags, env: NodeJS.ProcessEnv, readText: ReadText): AuthSettings {
  const tokenFile = flags.bearerTokenFile ?? env['PROMETHEUS_BEARER_TOKEN_FILE'];
  const bearerToken = tokenFile
    ? { value: readSecret(readText, tokenFile, '--bearer-token-file'), source: `file ${tokenFile}` }
    : env['PROMETHEUS_BEARER_TOKEN'] ? { value: env['PROMETHEUS_BEARER_TOKEN'], source: 'env PROMETHEUS_BEARER_TOKEN' } : undefined;
  const username = flags.basicAuthUser ?? env['PROMETHEUS_USERNAME'];
  let basic: AuthSettings['basic'];
  if (username) {
    const passwordFile = flags.basicAuthPasswordFile ?? env['PROMETHEUS_PASSWORD_FILE'];
    const password = passwordFile ? readSecret(readText, passwordFile, '--basic-auth-password-file') : env['PROMETHEUS_PASSWORD'];
    if (!password) throw new UsageError('--basic-auth-user: give the password in PROMETHEUS_PASSWORD or a file (--basic-auth-password-file / PROMETHEUS_PASSWORD_FILE)');
    basic = { username, password, source: passwordFile ? `file ${passwordFile}` : 'env PROMETHEUS_PASSWORD' };
  }
  if (bearerToken && basic) throw new UsageError('Prometheus auth: choose a bearer token or basic auth, not both');
  const caFile = flags.caFile ?? env['PROMETHEUS_CA_FILE'];
  const ca = caFile ? { pem: readSecret(readText, caFile, '--ca-file'), file: caFile } : undefined;
  if (ca && flags.insecureSkipVerify) throw new UsageError('--ca-file and --insecure-skip-verify contradict each other');
  return {
    ...(bearerToken ? { bearerToken } : {}),
    ...(basic ? { basic } : {}),
    headers: Object.fromEntries((flags.header ?? []).map(parseHeader)),
    ...(ca ? { ca } : {}),
    insecure: flags.insecureSkipVerify ?? false,
  };
}

/** Request headers for the settings. */
export function authHeaders(auth: AuthSettings): Record<string, string> {
  const headers: Record<string, string> = { ...auth.headers };
  if (auth.bearerToken) headers['authorization'] = `Bearer ${auth.bearerToken.value}`;
  if (auth.basic) headers['authorization'] = `Basic ${Buffer.from(`${auth.basic.username}:${auth.basic.password}`).toString('base64')}`;
  return headers;
}

/** One line for logs and reports: which auth is used and where secrets came from, never their values. */
export function describeAuth(auth: AuthSettings): string {
  const parts: string[] = [];
  if (auth.bearerToken) parts.push(`bearer token (${auth.bearerToken.source})`);
  if (auth.basic) parts.push(`basic auth as ${auth.basic.username} (password from ${auth.basic.source})`);
  for (const name of Object.keys(auth.headers)) parts.push(`header ${name}`);
  if (auth.ca) parts.push(`CA ${auth.ca.file}`);
  if (auth.insecure) parts.push('TLS verification OFF (--insecure-skip-verify)');
  return parts.length > 0 ? parts.join(', ') : 'no auth';
}

/** Replaces every secret (and its base64 / header forms) with `***`. */
export function redactor(auth: AuthSettings): (text: string) => string {
  const secrets = [auth.bearerToken?.value, auth.basic?.password];
  if (auth.basic) secrets.push(Buffer.from(`${auth.basic.username}:${auth.basic.password}`).toString('base64'));
  const list = secrets.filter((s): s is string => typeof s === 'string' && s.length > 0).sort((a, b) => b.length - a.length);
  return (text) => list.reduce((out, secret) => out.split(secret).join('***'), redactUrl(text));
}

/** Strips `user:password@` from URLs in text. */
export function redactUrl(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, '$1***@');
}
