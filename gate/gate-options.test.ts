import { describe, expect, it } from 'vitest';
import { parseGateOptions } from './gate-options.ts';

describe('gate options', () => {
  it('defaults to the deploy profile with no faults', () => {
    expect(parseGateOptions({ env: 'local' })).toEqual({ env: 'local', profile: 'deploy', faults: [] });
  });

  it('a fault without --target local is a usage error naming the flag', () => {
    expect(() => parseGateOptions({ env: 'staging', faults: ['sample-service:down'] })).toThrow('gate: --fault: faults are injected into the reference stack: add --target local');
  });

  it('a push-metrics value that is not an http URL is a usage error naming the flag', () => {
    expect(() => parseGateOptions({ env: 'local', pushMetrics: 'pushgateway:9091' })).toThrow(/^gate: --push-metrics: /);
    expect(() => parseGateOptions({ env: 'local', pushMetrics: 'ftp://x' })).toThrow(/^gate: --push-metrics: /);
  });

  it('an unknown target is a usage error', () => {
    expect(() => parseGateOptions({ env: 'local', target: 'k8s' })).toThrow(/^gate: --target: /);
  });
});
