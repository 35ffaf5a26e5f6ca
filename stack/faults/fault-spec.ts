import type { Catalog, Service } from '../../core/catalog/schema.ts';
import { parseDuration } from '../../core/duration.ts';
import { UsageError } from '../../core/errors.ts';
import type { Faults } from './faults.ts';

/** Fault kinds accepted by `--fault <service-id>:<kind>[=<value>]`. */
export const FAULT_KINDS = [
  'latency', 'errors', 'down', 'exit-at-start', 'health-lies', 'bad-dependency', 'drift', 'creep', 'metrics-missing',
  'consumer-fails', 'saga-failures', 'breaker-open',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * Infrastructure kinds the local target starts (`gate --target local`), and so can leave down:
 * `postgres:down` starts no PostgreSQL while the services are still pointed at it.
 */
export const STARTED_INFRASTRUCTURE_KINDS = ['postgres', 'redis'] as const;

export interface FaultSpec {
  /** A catalog http service, or (for `down` only) an infrastructure entry of a kind the local target starts. */
  readonly service: string;
  /** One replica of the service (1-based, `sample-service#2:down`); absent: every replica. */
  readonly replica?: number;
  /** True for an infrastructure entry (postgres, redis): only the local target acts on it. */
  readonly infrastructure: boolean;
  readonly kind: FaultKind;
  /** The text after `=`, when the kind takes a value. */
  readonly value?: string;
  /** Run-time fault settings this spec turns on (empty for `down` and `exit-at-start`, which act at launch). */
  readonly faults: Partial<Faults>;
}

const USAGE = 'use <service-id>[#<replica>]:<kind>[=<value>], e.g. sample-service:latency=600ms, sample-service:errors=0.02, sample-service#2:down';

function isKind(text: string): text is FaultKind {
  return (FAULT_KINDS as readonly string[]).includes(text);
}

/**
 * Parses one `--fault` spec; unknown services, replicas or kinds, a kind the service cannot have (a
 * consumer fault on a service that consumes nothing) and bad values are a UsageError listing the valid ones.
 */
export function parseFaultSpec(text: string, catalog: Catalog): FaultSpec {
  const match = /^([^:=#\s]+)(?:#(\d+))?:([^=\s]+)(?:=(.+))?$/.exec(text.trim());
  if (!match) throw new UsageError(`--fault "${text}": ${USAGE}`);
  const [, id = '', replicaText, kind = '', value] = match;
  const http = catalog.services.filter((s) => s.kind === 'http');
  const started: readonly string[] = STARTED_INFRASTRUCTURE_KINDS;
  const infrastructure = catalog.services.filter((s) => started.includes(s.kind)).map((s) => s.id);
  if (infrastructure.includes(id)) {
    if (kind !== 'down' || value !== undefined || replicaText !== undefined) throw new UsageError(`--fault "${text}": ${id} is infrastructure; only "${id}:down" applies to it (the local target does not start it)`);
    return { service: id, infrastructure: true, kind, faults: {} };
  }
  const service = http.find((s) => s.id === id);
  if (!service) {
    const infra = infrastructure.length > 0 ? `; infrastructure, down only: ${infrastructure.join(', ')}` : '';
    throw new UsageError(`--fault "${text}": unknown service "${id}" (valid: ${http.map((s) => s.id).join(', ')}${infra})`);
  }
  const replica = replicaText === undefined ? undefined : Number(replicaText);
  const count = service.replicas?.count ?? 1;
  if (replica !== undefined && (replica < 1 || replica > count)) {
    throw new UsageError(`--fault "${text}": ${id} runs ${count} replica${count === 1 ? '' : 's'} (replicas.count); use #1${count > 1 ? ` to #${count}` : ''}`);
  }
  if (!isKind(kind)) {
    throw new UsageError(`--fault "${text}": unknown fault kind "${kind}" (valid: ${FAULT_KINDS.join(', ')})`);
  }
  const fits = kindFits(kind, service, http);
  if (fits) throw new UsageError(`--fault "${text}": ${fits}`);
  const faults = faultsFor(kind, value, `--fault "${text}"`);
  return { service: id, infrastructure: false, ...(replica === undefined ? {} : { replica }), kind, ...(value === undefined ? {} : { value }), faults };
}

/** Why `kind` makes no sense on `service` (undefined: it does), naming the services it fits. */
function kindFits(kind: FaultKind, service: Service, http: readonly Service[]): string | undefined {
  const need: Partial<Record<FaultKind, [string, (s: Service) => boolean]>> = {
    'consumer-fails': ['consumes no events (dependencies.consumes)', (s) => s.dependencies.consumes.length > 0],
    'saga-failures': ['runs no saga (endpoints[].saga)', (s) => s.endpoints.some((e) => e.saga)],
    'breaker-open': ['has no circuit breaker on its database (dependencies.infrastructure[].circuitBreaker)', (s) => s.dependencies.infrastructure.some((d) => d.circuitBreaker)],
  };
  const rule = need[kind];
  if (!rule || rule[1](service)) return undefined;
  const valid = http.filter(rule[1]).map((s) => s.id);
  return `${service.id} ${rule[0]}; "${kind}" fits ${valid.length > 0 ? valid.join(', ') : 'no service of this catalog'}`;
}

function faultsFor(kind: FaultKind, value: string | undefined, what: string): Partial<Faults> {
  const needsValue = kind === 'latency' || kind === 'errors' || kind === 'creep' || kind === 'saga-failures';
  if (needsValue && value === undefined) throw new UsageError(`${what}: "${kind}" needs a value, e.g. ${example(kind)}`);
  if (!needsValue && value !== undefined) throw new UsageError(`${what}: "${kind}" takes no value`);
  switch (kind) {
    case 'latency':
      return parseLatency(value ?? '', what);
    case 'errors':
      return { errorRate: parseRate(value ?? '', what) };
    case 'creep':
      return { creepMsPerMin: parseCreep(value ?? '', what) };
    case 'health-lies':
      return { healthLies: true };
    case 'bad-dependency':
      return { badDependency: true };
    case 'drift':
      return { drift: true };
    case 'metrics-missing':
      return { metricsMissing: true };
    case 'consumer-fails':
      return { consumerFails: true };
    case 'saga-failures':
      return { sagaFailureRate: parseRate(value ?? '', what, 'saga failure rate') };
    case 'breaker-open':
      return { breakerOpen: true };
    case 'down':
    case 'exit-at-start':
      return {};
  }
}

function example(kind: FaultKind): string {
  if (kind === 'latency') return 'latency=600ms or latency=600ms~50ms';
  if (kind === 'errors') return 'errors=0.02';
  return kind === 'saga-failures' ? 'saga-failures=0.5' : 'creep=50ms/min';
}

/** `600ms` or `600ms~50ms` (fixed + jitter). */
export function parseLatency(value: string, what: string): Pick<Faults, 'latencyMs' | 'jitterMs'> {
  const [fixed = '', jitter] = value.split('~');
  return { latencyMs: parseDuration(fixed, what), jitterMs: jitter === undefined ? 0 : parseDuration(jitter, what) };
}

/** `0.02` or `2%`, within 0..1. */
export function parseRate(value: string, what: string, noun = 'error rate'): number {
  const percent = value.endsWith('%');
  const number = Number(percent ? value.slice(0, -1) : value);
  const rate = percent ? number / 100 : number;
  if (value.trim() === '' || !Number.isFinite(rate) || rate < 0 || rate > 1) {
    throw new UsageError(`${what}: ${noun} "${value}" must be a fraction between 0 and 1 (e.g. 0.02) or a percentage (e.g. 2%)`);
  }
  return rate;
}

/** `50ms/min` (also `/m`, or a bare duration meaning per minute). */
export function parseCreep(value: string, what: string): number {
  const [amount = '', per] = value.split('/');
  if (per !== undefined && per !== 'min' && per !== 'm') {
    throw new UsageError(`${what}: creep "${value}" must be a duration per minute, e.g. 50ms/min`);
  }
  return parseDuration(amount, what);
}
