import { PLAN_METHODS, PLAN_VERSION, type LeftOut, type Plan, type PlanAuth, type PlanEndpoint, type PlanMethod } from './plan.ts';

/**
 * Checks a plan (plan.ts) field by field; the error names the field (`PLAN: endpoints[3].url: ...`).
 * Pure, no k6 imports: the k6 side runs it at init, the Node side's tests run it on what it builds.
 */
type Obj = Record<string, unknown>;

class PlanError extends Error {}

const at = (path: string, key: string): string => (path ? `${path}.${key}` : key);

function fail(path: string, problem: string): never {
  throw new PlanError(`${path}: ${problem}`);
}

function obj(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, 'must be an object');
  return v as Obj;
}

function str(o: Obj, key: string, path: string, allowEmpty = false): string {
  const v = o[key];
  if (typeof v !== 'string' || (!allowEmpty && v === '')) fail(at(path, key), 'must be a non-empty string');
  return v;
}

function url(o: Obj, key: string, path: string): string {
  const v = str(o, key, path);
  if (!/^https?:\/\/[^/]+/.test(v)) fail(at(path, key), `"${v}" is not an http(s) URL`);
  return v;
}

function status(o: Obj, path: string): number {
  const v = o['status'];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 100 || v > 599) fail(at(path, 'status'), 'must be an HTTP status');
  return v;
}

function method(o: Obj, path: string): PlanMethod {
  const v = str(o, 'method', path);
  if (!(PLAN_METHODS as readonly string[]).includes(v)) fail(at(path, 'method'), `"${v}" is not ${PLAN_METHODS.slice(0, -1).join(', ')} or ${PLAN_METHODS[PLAN_METHODS.length - 1]}`);
  return v as PlanMethod;
}

function bool(o: Obj, key: string, path: string): boolean {
  if (typeof o[key] !== 'boolean') fail(at(path, key), 'must be true or false');
  return o[key] as boolean;
}

function endpoint(v: unknown, path: string): PlanEndpoint {
  const o = obj(v, path);
  const weight = o['weight'];
  if (typeof weight !== 'number' || !(weight > 0)) fail(at(path, 'weight'), 'must be a number > 0');
  const body = o['body'] === null || o['body'] === undefined ? null : obj(o['body'], `${path}.body`);
  return {
    service: str(o, 'service', path), endpoint: str(o, 'endpoint', path), method: method(o, path), path: str(o, 'path', path),
    url: url(o, 'url', path), status: status(o, path), body, auth: bool(o, 'auth', path), login: bool(o, 'login', path), weight,
  };
}

function auth(v: unknown, path: string): PlanAuth {
  const o = obj(v, path);
  const secrets = obj(o['secrets'], `${path}.secrets`);
  for (const [field, name] of Object.entries(secrets)) if (typeof name !== 'string' || name === '') fail(at(path, `secrets.${field}`), 'must name an env var');
  return {
    service: str(o, 'service', path), endpoint: str(o, 'endpoint', path), method: method(o, path), path: str(o, 'path', path), url: url(o, 'url', path), status: status(o, path),
    body: obj(o['body'], `${path}.body`), secrets: secrets as Record<string, string>, token: str(o, 'token', path), header: str(o, 'header', path), scheme: str(o, 'scheme', path, true),
  };
}

function leftOut(v: unknown, path: string): LeftOut {
  const o = obj(v, path);
  return { service: str(o, 'service', path), endpoint: str(o, 'endpoint', path), reason: str(o, 'reason', path) };
}

/** Throws an Error naming the field; `where` prefixes it (`--env PLAN_FILE=plan.json`). */
export function parsePlan(raw: unknown, where: string): Plan {
  try {
    const o = obj(raw, 'the plan');
    if (o['version'] !== PLAN_VERSION) fail('version', `must be ${PLAN_VERSION} (make the plan with \`tracseq-validate load plan\`)`);
    const list = o['endpoints'];
    if (!Array.isArray(list) || list.length === 0) fail('endpoints', 'must list at least one endpoint');
    const endpoints = list.map((e, i) => endpoint(e, `endpoints[${i}]`));
    const login = o['auth'] === null || o['auth'] === undefined ? null : auth(o['auth'], 'auth');
    const needsLogin = endpoints.find((e) => e.auth || e.login);
    if (needsLogin && !login) fail('auth', `endpoint ${needsLogin.service} ${needsLogin.endpoint} needs the login, but the plan has none`);
    const left = Array.isArray(o['leftOut']) ? o['leftOut'].map((e, i) => leftOut(e, `leftOut[${i}]`)) : [];
    return { version: PLAN_VERSION, system: str(o, 'system', ''), env: str(o, 'env', ''), auth: login, endpoints, leftOut: left };
  } catch (err) {
    if (err instanceof PlanError) throw new Error(`${where}: ${err.message}`);
    throw err;
  }
}
