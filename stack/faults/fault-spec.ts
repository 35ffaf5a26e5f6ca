import type { Catalog } from '../../core/catalog/schema.ts';
import { parseDuration } from '../../core/duration.ts';
import { UsageError } from '../../core/errors.ts';
import type { Faults } from './faults.ts';

/** Fault kinds accepted by `--fault <service-id>:<kind>[=<value>]`. */
export const FAULT_KINDS = ['latency', 'errors', 'down', 'exit-at-start', 'health-lies', 'bad-dependency', 'drift', 'creep', 'metrics-missing'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * Infrastructure kinds the local target starts (`gate --target local`), and so can leave down:
 * `postgres:down` starts no PostgreSQL while the services are still pointed at it.
 */
export const STARTED_INFRASTRUCTURE_KINDS = ['postgres', 'redis'] as const;

export interface FaultSpec {
  /** A catalog http service, or (for `down` only) an infrastructure entry of a kind the local target starts. */
  readonly service: string;
  /** True for an infrastructure entry (postgres, redis): only the local target acts on it. */
  readonly infrastructure: boolean;
  readonly kind: FaultKind;
  /** The text after `=`, when the kind takes a value. */
  readonly value?: string;
  /** Run-time fault settings this spec turns on (empty for `down` and `exit-at-start`, which act at launch). */
  readonly faults: Partial<Faults>;
}

const USAGE = 'use <service-id>:<kind>[=<value>], e.g. sample-service:latency=600ms, sample-service:errors=0.02, sample-service:creep=50ms/min';

function isKind(text: string): text is FaultKind {
  return (FAULT_KINDS as readonly string[]).includes(text);
}

/** Parses one `--fault` spec; unknown services or kinds, and bad values, are a UsageError listing the valid ones. */
export function parseFaultSpec(text: string, catalog: Catalog): FaultSpec {
  const match = /^([^:=\s]+):([^=\s]+)(?:=(.+))?$/.exec(text.trim());
  if (!match) throw new UsageError(`--fault "${text}": ${USAGE}`);
  const [, service = '', kind = '', value] = match;
  const services = catalog.services.filter((s) => s.kind === 'http').map((s) => s.id);
  const started: readonly string[] = STARTED_INFRASTRUCTURE_KINDS;
  const infrastructure = catalog.services.filter((s) => started.includes(s.kind)).map((s) => s.id);
  if (infrastructure.includes(service)) {
    if (kind !== 'down' || value !== undefined) throw new UsageError(`--fault "${text}": ${service} is infrastructure; only "${service}:down" applies to it (the local target does not start it)`);
    return { service, infrastructure: true, kind, faults: {} };
  }
  if (!services.includes(service)) {
    const infra = infrastructure.length > 0 ? `; infrastructure, down only: ${infrastructure.join(', ')}` : '';
    throw new UsageError(`--fault "${text}": unknown service "${service}" (valid: ${services.join(', ')}${infra})`);
  }
  if (!isKind(kind)) {
    throw new UsageError(`--fault "${text}": unknown fault kind "${kind}" (valid: ${FAULT_KINDS.join(', ')})`);
  }
  const faults = faultsFor(kind, value, `--fault "${text}"`);
  return value === undefined ? { service, infrastructure: false, kind, faults } : { service, infrastructure: false, kind, value, faults };
}

function faultsFor(kind: FaultKind, value: string | undefined, what: string): Partial<Faults> {
  const needsValue = kind === 'latency' || kind === 'errors' || kind === 'creep';
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
    case 'down':
    case 'exit-at-start':
      return {};
  }
}

function example(kind: FaultKind): string {
  return kind === 'latency' ? 'latency=600ms or latency=600ms~50ms' : kind === 'errors' ? 'errors=0.02' : 'creep=50ms/min';
}

/** `600ms` or `600ms~50ms` (fixed + jitter). */
export function parseLatency(value: string, what: string): Pick<Faults, 'latencyMs' | 'jitterMs'> {
  const [fixed = '', jitter] = value.split('~');
  return { latencyMs: parseDuration(fixed, what), jitterMs: jitter === undefined ? 0 : parseDuration(jitter, what) };
}

/** `0.02` or `2%`, within 0..1. */
export function parseRate(value: string, what: string): number {
  const percent = value.endsWith('%');
  const number = Number(percent ? value.slice(0, -1) : value);
  const rate = percent ? number / 100 : number;
  if (value.trim() === '' || !Number.isFinite(rate) || rate < 0 || rate > 1) {
    throw new UsageError(`${what}: error rate "${value}" must be a fraction between 0 and 1 (e.g. 0.02) or a percentage (e.g. 2%)`);
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
