import { describe, expect, it } from 'vitest';
import { hookEnvVar, resolveHookUrl } from './hook-url.ts';

describe('the provider-state hook URL', () => {
  it('is the provider itself on loopback (the reference stack serves /__admin there)', () => {
    expect(resolveHookUrl('sample-service', 'http://127.0.0.1:41234', {})).toBe('http://127.0.0.1:41234');
    expect(resolveHookUrl('sample-service', 'http://localhost:8081/', {})).toBe('http://localhost:8081');
  });

  it('comes from <ID>_STATE_HOOK_URL for a real environment', () => {
    expect(hookEnvVar('sample-service')).toBe('SAMPLE_SERVICE_STATE_HOOK_URL');
    expect(resolveHookUrl('sample-service', 'https://sample-service.tracseq.example', { SAMPLE_SERVICE_STATE_HOOK_URL: 'http://hooks.internal/sample/' })).toBe('http://hooks.internal/sample');
  });

  it('is a configuration error naming the variable for a remote provider without one', () => {
    expect(() => resolveHookUrl('storage-service', 'http://storage-service.staging.tracseq.internal:8082', {})).toThrow(
      'storage-service: no provider-state hook for http://storage-service.staging.tracseq.internal:8082; set STORAGE_SERVICE_STATE_HOOK_URL to its base URL (the hook serves /__admin/seed and /__admin/produce)',
    );
  });
});
