import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../core/catalog/load.ts';
import { UsageError } from '../../core/errors.ts';
import { planFaults, planFor } from './fault-plan.ts';
import { FAULT_KINDS, parseFaultSpec } from './fault-spec.ts';

const catalog = loadCatalog();
const nanopore = loadCatalog(new URL('../../catalog/nanopore.yaml', import.meta.url).pathname);

function usageError(text: string): UsageError {
  try {
    parseFaultSpec(text, catalog);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return err as UsageError;
  }
  throw new Error(`expected "${text}" to be rejected`);
}

describe('parseFaultSpec', () => {
  it.each([
    ['sample-service:latency=600ms', { latencyMs: 600, jitterMs: 0 }],
    ['sample-service:latency=600ms~50ms', { latencyMs: 600, jitterMs: 50 }],
    ['sample-service:latency=1s', { latencyMs: 1000, jitterMs: 0 }],
    ['sample-service:errors=0.02', { errorRate: 0.02 }],
    ['sample-service:errors=5%', { errorRate: 0.05 }],
    ['sample-service:creep=50ms/min', { creepMsPerMin: 50 }],
    ['sample-service:creep=2s/m', { creepMsPerMin: 2000 }],
    ['api-gateway:health-lies', { healthLies: true }],
    ['notification-service:bad-dependency', { badDependency: true }],
    ['sample-service:drift', { drift: true }],
    ['storage-service:metrics-missing', { metricsMissing: true }],
    ['sample-service:down', {}],
    ['event-service:exit-at-start', {}],
  ])('turns %s into the fault settings %o', (text, faults) => {
    expect(parseFaultSpec(text, catalog).faults).toEqual(faults);
  });

  it('keeps the service, kind and value of a spec', () => {
    expect(parseFaultSpec('sample-service:latency=600ms', catalog)).toMatchObject({ service: 'sample-service', kind: 'latency', value: '600ms' });
  });

  it('rejects an unknown service and lists every valid http service, then the infrastructure that takes down', () => {
    const err = usageError('nowhere-service:down');
    expect(err.message).toContain('unknown service "nowhere-service"');
    expect(err.message).toMatch(/\(valid: api-gateway, auth-service, sample-service, .*lab-manager; infrastructure, down only: postgres, redis\)$/);
  });

  it('takes postgres:down and redis:down as infrastructure faults, which change no service setting', () => {
    expect(parseFaultSpec('postgres:down', catalog)).toEqual({ service: 'postgres', infrastructure: true, kind: 'down', faults: {} });
    expect(parseFaultSpec('redis:down', catalog)).toMatchObject({ service: 'redis', infrastructure: true });
    expect(parseFaultSpec('sample-service:down', catalog)).toMatchObject({ service: 'sample-service', infrastructure: false });
  });

  it.each(['postgres:latency=1s', 'postgres:bad-dependency', 'redis:down=now'])('rejects "%s": only down applies to infrastructure', (text) => {
    expect(usageError(text).message).toMatch(/is infrastructure; only "(postgres|redis):down" applies to it/);
  });

  it('is refused by the reference stack alone, which starts no infrastructure (gate --target local takes it)', async () => {
    const { startStack } = await import('../launcher.ts');
    await expect(startStack({ catalog, faults: [parseFaultSpec('postgres:down', catalog)] })).rejects.toThrow(/--fault postgres:down: the reference stack starts no infrastructure/);
  });

  it('rejects chroma:down: the local target starts no Chroma (an http-probe), so there is nothing to take down', () => {
    expect(usageError('chroma:down').message).toContain('unknown service "chroma"');
  });

  it('rejects an unknown kind and lists every valid kind', () => {
    const err = usageError('sample-service:slowness=5s');
    expect(err.message).toContain('unknown fault kind "slowness"');
    expect(err.message).toContain(FAULT_KINDS.join(', '));
  });

  it.each([
    ['sample-service', /use <service-id>\[#<replica>\]:<kind>/],
    ['sample-service:latency', /"latency" needs a value/],
    ['sample-service:errors=1.5', /between 0 and 1/],
    ['sample-service:errors=abc', /between 0 and 1/],
    ['sample-service:latency=fast', /not a duration/],
    ['sample-service:creep=50ms/hour', /per minute/],
    ['sample-service:down=yes', /"down" takes no value/],
  ])('rejects "%s" with a message saying how to fix it', (text, message) => {
    expect(usageError(text).message).toMatch(message);
  });
});

describe('planFaults', () => {
  it('folds several specs for one service into one plan and leaves other services untouched', () => {
    const plans = planFaults([
      parseFaultSpec('sample-service:latency=100ms', catalog),
      parseFaultSpec('sample-service:errors=0.1', catalog),
      parseFaultSpec('event-service:exit-at-start', catalog),
      parseFaultSpec('rag-service:down', catalog),
    ]);
    expect(planFor(plans, 'sample-service').faults).toMatchObject({ latencyMs: 100, errorRate: 0.1, drift: false });
    expect(planFor(plans, 'event-service')).toMatchObject({ exitAtStart: true, down: false });
    expect(planFor(plans, 'rag-service')).toMatchObject({ down: true });
    expect(planFor(plans, 'auth-service')).toMatchObject({ down: false, exitAtStart: false, faults: { latencyMs: 0, errorRate: 0 } });
  });
});

describe('faults on one replica, and faults of what a service does', () => {
  it.each([
    ['sample-service#2:down', { service: 'sample-service', infrastructure: false, replica: 2, kind: 'down', faults: {} }],
    ['ai-service:consumer-fails', { service: 'ai-service', infrastructure: false, kind: 'consumer-fails', faults: { consumerFails: true } }],
    ['sample-service:saga-failures=0.5', { service: 'sample-service', infrastructure: false, kind: 'saga-failures', value: '0.5', faults: { sagaFailureRate: 0.5 } }],
    ['config-service#1:breaker-open', { service: 'config-service', infrastructure: false, replica: 1, kind: 'breaker-open', faults: { breakerOpen: true } }],
  ])('turns %s into %o', (text, spec) => {
    expect(parseFaultSpec(text, nanopore)).toEqual(spec);
  });

  it.each([
    ['sample-service#4:down', /sample-service runs 3 replicas \(replicas\.count\); use #1 to #3/],
    ['router#2:down', /router runs 1 replica \(replicas\.count\); use #1$/],
    ['sample-service#0:down', /use #1 to #3/],
    ['config-service:consumer-fails', /config-service consumes no events \(dependencies\.consumes\); "consumer-fails" fits ai-service, audit-service, backup-service/],
    ['ai-service:saga-failures=0.5', /ai-service runs no saga \(endpoints\[\]\.saga\); "saga-failures" fits sample-service/],
    ['router:breaker-open', /router has no circuit breaker on its database .*; "breaker-open" fits sample-service, ai-service, audit-service, backup-service, config-service/],
    ['sample-service:saga-failures', /"saga-failures" needs a value, e.g. saga-failures=0.5/],
    ['sample-service:saga-failures=2', /saga failure rate "2" must be a fraction between 0 and 1/],
  ])('rejects "%s", saying what fits', (text, message) => {
    expect(() => parseFaultSpec(text, nanopore)).toThrow(message);
  });

  it('plans a replica\'s own faults on top of the service-wide ones, leaving the other replicas alone', () => {
    const plans = planFaults(['sample-service:latency=100ms', 'sample-service#2:down', 'sample-service#3:errors=0.5'].map((t) => parseFaultSpec(t, nanopore)));
    expect(planFor(plans, 'sample-service', 1)).toMatchObject({ down: false, faults: { latencyMs: 100, errorRate: 0 } });
    expect(planFor(plans, 'sample-service', 2)).toMatchObject({ down: true, faults: { latencyMs: 100 } });
    expect(planFor(plans, 'sample-service', 3)).toMatchObject({ down: false, faults: { latencyMs: 100, errorRate: 0.5 } });
    expect(planFor(plans, 'sample-service')).toMatchObject({ down: false, faults: { latencyMs: 100 } });
  });
});

