import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../core/errors.ts';
import { LoadK8sFlags } from './load-flags.ts';
import { parseFlags, withDefault } from './parse-flags.ts';

describe('command-line flags through their schema', () => {
  it('applies the schema defaults to flags not given', () => {
    expect(parseFlags(LoadK8sFlags, {})).toMatchObject({ env: 'staging', instances: '2', image: 'grafana/k6:2.2.0' });
    expect(parseFlags(LoadK8sFlags, { env: 'local' })).toMatchObject({ env: 'local' });
  });

  it('names the flag of every problem, the first as the message', () => {
    const schema = z.strictObject({ serviceLabel: z.string().min(1), window: z.string().regex(/^\d+m$/, 'must be minutes') });
    let error: unknown;
    try {
      parseFlags(schema, { serviceLabel: '', window: 'soon' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(/^--service-label: /);
    expect((error as UsageError).details).toEqual(['--window: must be minutes']);
  });

  it('writes a default into the help text from the schema, and nothing when there is none', () => {
    expect(withDefault('k6 runner image', LoadK8sFlags, 'image')).toBe('k6 runner image (default: grafana/k6:2.2.0)');
    expect(withDefault('namespace', LoadK8sFlags, 'namespace')).toBe('namespace');
  });
});
