import type { FaultRow } from './matrix-rows.ts';

/** Smoke first: a failed smoke stops the gate before load. */
const SMOKE_FIRST = ['--profile', 'deploy', '--suites', 'smoke,load'];
/** A short load, then the SLOs over the run (Prometheus scrapes the shared stack every second). */
const LOAD_SLO = ['--profile', 'deploy', '--suites', 'load,slo', '--load-duration', '4s'];
const LIGHT = { rate: 40, ramp: '1s', vus: 20 };
/** One sample replica crashed and both AI replicas: one smoke run shows both. */
const CRASHED = ['sample-service#2', 'ai-service'] as const;

/**
 * The Nanopore system's rows of the fault matrix (catalog/nanopore.yaml on one shared stack): the faults
 * seed 002's alerts are about, each caught by the suite that should, naming the cause.
 */
export const NANOPORE_ROWS: readonly FaultRow[] = [
  { fault: 'one sample replica down (sample-service#2)', inject: { kind: 'stop', targets: CRASHED }, gate: SMOKE_FIRST,
    expect: { suite: 'smoke', verdict: 'fail', exit: 1, names: 'sample-service', kind: 'connection-refused', cause: /^sample-service: http:\/\/127\.0\.0\.1:\d+\/health: 2 of 3 replicas healthy; replica http:\/\/127\.0\.0\.1:\d+: connection refused/ } },
  { fault: 'ai-service down (both replicas)', inject: { kind: 'stop', targets: CRASHED }, gate: SMOKE_FIRST,
    expect: { suite: 'smoke', verdict: 'fail', exit: 1, names: 'ai-service', kind: 'connection-refused', cause: /0 of 2 replicas healthy; replica http:\/\/127\.0\.0\.1:\d+: connection refused/ } },
  { fault: 'AI consumer failing, dead-letter queue grows (ai-service)', inject: { kind: 'runtime', service: 'ai-service', faults: { consumerFails: true } }, gate: LOAD_SLO, load: LIGHT,
    expect: { suite: 'slo', verdict: 'fail', exit: 1, names: 'ai-service', cause: /ai-service:dead-letters-not-growing/ } },
  { fault: 'saga failures (sample-service)', inject: { kind: 'runtime', service: 'sample-service', faults: { sagaFailureRate: 1 } }, gate: LOAD_SLO, load: LIGHT,
    expect: { suite: 'slo', verdict: 'fail', exit: 1, names: 'sample-service', cause: /sample-service:saga-failure-ratio/ } },
  { fault: 'circuit breaker stuck open (config-service)', inject: { kind: 'runtime', service: 'config-service', faults: { breakerOpen: true } }, gate: LOAD_SLO, load: LIGHT,
    expect: { suite: 'slo', verdict: 'fail', exit: 1, names: 'config-service', cause: /config-service:no-circuit-breaker-open/ } },
  { fault: 'drifted audit event (audit-service)', inject: { kind: 'runtime', service: 'audit-service', faults: { drift: true } }, gate: ['--profile', 'pr'],
    expect: { suite: 'contracts', verdict: 'fail', exit: 1, names: '-> audit-service', kind: 'contract-mismatch', cause: /audit\.entry_recorded.*\w*Mismatch/ } },
];
