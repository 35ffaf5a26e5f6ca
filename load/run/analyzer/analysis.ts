import { coarseHistogram, fineHistogram, recordMs, type Histogram } from './histogram.ts';
import { SCENARIOS_START_METRIC } from '../../lib/defaults.ts';
import type { K6Sample } from './k6-sample.ts';

/**
 * The analyzer's running state: per-second buckets (count, errors, 429s, dropped iterations, peak VUs
 * and a latency histogram) and per-endpoint whole-run counts with a histogram. Memory grows with the
 * test's duration and its number of endpoints, never with its number of samples.
 */
export interface Counts {
  count: number;
  errors: number;
  rateLimited: number;
}

export interface SecondBucket extends Counts {
  readonly hist: Histogram;
  dropped: number;
  vusMax: number;
}

export interface EndpointAcc extends Counts {
  readonly service: string;
  readonly endpoint: string;
  readonly hist: Histogram;
}

export interface Analysis {
  readonly seconds: Map<number, SecondBucket>;
  readonly endpoints: Map<string, EndpointAcc>;
  firstMs: number;
  lastMs: number;
  malformed: number;
  firstMalformed: string | undefined;
  /** When setup() ended and the scenarios started (Unix ms), if the script marked it. */
  scenariosStartMs: number | undefined;
}

export type Outcome = 'ok' | 'error' | 'rate-limited';

/** 429 is the rate limiter; otherwise k6's expected_response decides, or the status when that tag is off. */
export function classify(tags: Readonly<Record<string, string | undefined>>): Outcome {
  const status = tags['status'];
  if (status === '429') return 'rate-limited';
  const expected = tags['expected_response'];
  if (expected === 'true') return 'ok';
  if (expected === 'false') return 'error';
  const code = Number(status);
  return !status || code === 0 || code >= 400 ? 'error' : 'ok';
}

export function createAnalysis(): Analysis {
  return { seconds: new Map(), endpoints: new Map(), firstMs: Number.POSITIVE_INFINITY, lastMs: Number.NEGATIVE_INFINITY, malformed: 0, firstMalformed: undefined, scenariosStartMs: undefined };
}

function bucket(a: Analysis, timeMs: number): SecondBucket {
  const key = Math.floor(timeMs / 1000);
  let b = a.seconds.get(key);
  if (!b) {
    b = { count: 0, errors: 0, rateLimited: 0, dropped: 0, vusMax: 0, hist: coarseHistogram() };
    a.seconds.set(key, b);
  }
  return b;
}

function endpoint(a: Analysis, tags: Readonly<Record<string, string | undefined>>): EndpointAcc {
  const service = tags['service'] ?? 'untagged';
  const name = tags['endpoint'] ?? tags['name'] ?? 'unknown';
  const key = `${service}\u0000${name}`;
  let e = a.endpoints.get(key);
  if (!e) {
    e = { service, endpoint: name, count: 0, errors: 0, rateLimited: 0, hist: fineHistogram() };
    a.endpoints.set(key, e);
  }
  return e;
}

function count(c: Counts, outcome: Outcome): void {
  c.count += 1;
  if (outcome === 'error') c.errors += 1;
  else if (outcome === 'rate-limited') c.rateLimited += 1;
}

export function addSample(a: Analysis, s: K6Sample): void {
  if (s.metric === SCENARIOS_START_METRIC) {
    a.scenariosStartMs = Math.min(a.scenariosStartMs ?? s.timeMs, s.timeMs);
    return;
  }
  if (s.timeMs < a.firstMs) a.firstMs = s.timeMs;
  if (s.timeMs > a.lastMs) a.lastMs = s.timeMs;
  const b = bucket(a, s.timeMs);
  if (s.metric === 'http_req_duration') {
    const outcome = classify(s.tags);
    const e = endpoint(a, s.tags);
    count(b, outcome);
    count(e, outcome);
    recordMs(b.hist, s.value);
    recordMs(e.hist, s.value);
  } else if (s.metric === 'dropped_iterations') {
    b.dropped += s.value;
  } else if (s.metric === 'vus') {
    b.vusMax = Math.max(b.vusMax, s.value);
  }
}

export function noteMalformed(a: Analysis, where: string): void {
  a.malformed += 1;
  a.firstMalformed ??= where;
}

/** The Unix second the scenarios' schedule starts at: the end of setup() when k6 marked it, else the first sample. */
export function scheduleStartS(a: Analysis): number {
  return (a.scenariosStartMs ?? (Number.isFinite(a.firstMs) ? a.firstMs : 0)) / 1000;
}
