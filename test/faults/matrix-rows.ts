import type { FailureKind, Outcome, SuiteName } from '../../core/result.ts';
import type { Faults } from '../../stack/faults/faults.ts';

/** How a row's fault is put in place. */
export type Injection =
  /** No fault: the healthy stack. */
  | { readonly kind: 'none' }
  /** `gate --target local --fault ...`: the gate starts its own stack with the fault (start-time faults). */
  | { readonly kind: 'start'; readonly faults: readonly string[] }
  /** On the shared stack through its admin endpoint, before the gate starts (or when its load step starts); `service` may name one replica (`sample-service#2`). */
  | { readonly kind: 'runtime'; readonly service: string; readonly faults: Partial<Faults>; readonly when?: 'load-start' }
  /** Processes of the shared stack stopped, as a crash would (a service, or one replica: `sample-service#2`); the next reset starts them again. */
  | { readonly kind: 'stop'; readonly targets: readonly string[] }
  /** A Prometheus that was running and has been stopped. */
  | { readonly kind: 'prometheus-down' }
  /** The harness pointed at a k6 that is not there (K6_BINARY), with no k6 on PATH. */
  | { readonly kind: 'k6-missing' }
  | { readonly kind: 'catalog'; readonly file: string };

export interface Expectation {
  /** The suite that must catch the fault (`catalog`: refused before any suite runs). */
  readonly suite: SuiteName | 'catalog';
  /** The report's verdict (`none`: no report is written, the run never started). */
  readonly verdict: Outcome | 'none';
  readonly exit: number;
  /** What the report (or, without one, the error) must name: a service, a tool or a file. */
  readonly names: string;
  readonly cause: RegExp;
  readonly kind?: FailureKind;
  /** The load's per-second p95 must rise by at least this many ms from its first to its last second. */
  readonly risesByMs?: number;
  /** Further lines the same suite must show (who else the fault takes down, and how). */
  readonly also?: readonly Pick<Expectation, 'names' | 'cause' | 'kind'>[];
}

export interface FaultRow {
  readonly fault: string;
  readonly inject: Injection;
  /** Gate arguments besides `--env local`, the target and `--pacts`. */
  readonly gate: readonly string[];
  readonly expect: Expectation;
  /** Load settings for the row's load step (written to a --load-config file). */
  readonly load?: Readonly<Record<string, unknown>>;
}

const SMOKE_FIRST = ['--profile', 'deploy', '--suites', 'smoke,load'];
const PR = ['--profile', 'pr'];
const LOAD_ONLY = ['--profile', 'deploy', '--suites', 'load'];
/** A light load: what a fixed latency or a creep needs to show in p95. */
const LIGHT = { rate: 60, ramp: '1s', thinkScale: 0 };
const START_FAULTS = ['sample-service:down', 'event-service:exit-at-start'];
const PROVIDERS = ['auth-service', 'sample-service', 'storage-service', 'sequencing-service', 'notification-service'] as const;

/**
 * One row per fault the reference stack can inject (plus Prometheus down, k6 missing and a
 * malformed catalog): the suite that must catch it, the verdict, the exit code and the cause the
 * report must show. The two start-time faults share one `--target local` run.
 */
export const FAULT_ROWS: readonly FaultRow[] = [
  { fault: 'down at start (sample-service:down)', inject: { kind: 'start', faults: START_FAULTS }, gate: SMOKE_FIRST,
    expect: { suite: 'smoke', verdict: 'fail', exit: 1, names: 'sample-service', kind: 'connection-refused', cause: /connection refused/i } },
  { fault: 'exit 0 at start (event-service:exit-at-start)', inject: { kind: 'start', faults: START_FAULTS }, gate: SMOKE_FIRST,
    expect: { suite: 'smoke', verdict: 'fail', exit: 1, names: 'event-service', kind: 'connection-refused', cause: /connection refused/i } },
  { fault: 'PostgreSQL down (postgres:down)', inject: { kind: 'start', faults: ['postgres:down'] }, gate: SMOKE_FIRST,
    expect: { suite: 'smoke', verdict: 'fail', exit: 1, names: 'postgres', kind: 'connection-refused', cause: /connection refused .*; used by auth-service \(tracseq_prod\), sample-service \(tracseq_prod\), storage-service/,
      also: ['auth-service', 'sample-service', 'transaction-service'].map((names) => ({ names, kind: 'dependency-down' as const, cause: /dependency "database" is unhealthy at postgresql:\/\/\S*@127\.0\.0\.1:1\/tracseq_prod: .*ECONNREFUSED/ })) } },
  { fault: 'health lies (sample-service)', inject: { kind: 'runtime', service: 'sample-service', faults: { healthLies: true } }, gate: SMOKE_FIRST,
    expect: { suite: 'smoke', verdict: 'fail', exit: 1, names: 'sample-service', kind: 'http-status', cause: /\/health.*HTTP 503/ } },
  { fault: 'dependency at the wrong address (sample-service)', inject: { kind: 'runtime', service: 'sample-service', faults: { badDependency: true } }, gate: SMOKE_FIRST,
    expect: { suite: 'smoke', verdict: 'fail', exit: 1, names: 'sample-service', kind: 'dependency-down', cause: /unhealthy at http:\/\/127\.0\.0\.1:1\b/ } },
  ...PROVIDERS.map((provider): FaultRow => ({
    fault: `contract drift (provider ${provider})`, inject: { kind: 'runtime', service: provider, faults: { drift: true } }, gate: PR,
    expect: { suite: 'contracts', verdict: 'fail', exit: 1, names: `-> ${provider}`, kind: 'contract-mismatch', cause: /\w*Mismatch/ },
  })),
  { fault: '2% errors (sample-service)', inject: { kind: 'runtime', service: 'sample-service', faults: { errorRate: 0.02 } }, gate: [...LOAD_ONLY, '--load-duration', '6s'],
    load: { rate: 700, ramp: '1s', thinkScale: 0, vus: 150 },
    expect: { suite: 'load', verdict: 'fail', exit: 1, names: 'sample-service', kind: 'threshold', cause: /[\d.]+% breaches error rate < 1%/ } },
  { fault: '+600 ms latency (sample-service)', inject: { kind: 'runtime', service: 'sample-service', faults: { latencyMs: 600 } }, gate: [...LOAD_ONLY, '--load-duration', '4s'], load: LIGHT,
    expect: { suite: 'load', verdict: 'fail', exit: 1, names: 'sample-service', kind: 'threshold', cause: /[\d.]+ ms breaches p95 < 500 ms/ } },
  { fault: 'creeping latency, 200 ms more each second (sample-service)', inject: { kind: 'runtime', service: 'sample-service', faults: { creepMsPerMin: 12_000 }, when: 'load-start' }, gate: [...LOAD_ONLY, '--load-duration', '4s'], load: LIGHT,
    expect: { suite: 'load', verdict: 'fail', exit: 1, names: 'sample-service', kind: 'threshold', cause: /[\d.]+ ms breaches p95 < 500 ms/, risesByMs: 400 } },
  { fault: '/metrics missing (sample-service)', inject: { kind: 'runtime', service: 'sample-service', faults: { metricsMissing: true } }, gate: SMOKE_FIRST,
    expect: { suite: 'smoke', verdict: 'fail', exit: 1, names: 'sample-service', cause: /\/metrics: HTTP 404/ } },
  { fault: 'Prometheus down', inject: { kind: 'prometheus-down' }, gate: ['--profile', 'deploy', '--suites', 'smoke,slo'],
    expect: { suite: 'slo', verdict: 'inconclusive', exit: 3, names: 'Prometheus', cause: /Prometheus unreachable: cannot reach Prometheus at http:\/\/127\.0\.0\.1:\d+\/api\/v1\/query \(ECONNREFUSED/ } },
  { fault: 'k6 missing', inject: { kind: 'k6-missing' }, gate: SMOKE_FIRST,
    expect: { suite: 'load', verdict: 'inconclusive', exit: 3, names: 'k6', kind: 'tool-missing', cause: /k6 not found at .*no-such-k6 \(K6_BINARY\)/ } },
  { fault: 'malformed catalog', inject: { kind: 'catalog', file: 'testdata/bad/catalogs/port-is-string.yaml' }, gate: PR,
    expect: { suite: 'catalog', verdict: 'none', exit: 2, names: 'testdata/bad/catalogs/port-is-string.yaml', cause: /services\[0\]\.port: Invalid input: expected number, received string/ } },
];

/** The healthy run repeated 20 times: the pr suites (smoke, contracts) plus a short load (one VU walking every journey). */
export const HEALTHY_RUN: FaultRow = {
  fault: 'none',
  inject: { kind: 'none' },
  gate: ['--profile', 'deploy', '--suites', 'smoke,contracts,load', '--load-scenario', 'smoke-load', '--load-duration', '2s'],
  expect: { suite: 'smoke', verdict: 'pass', exit: 0, names: '', cause: /^/ },
};
