import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { PROJECT_ROOT } from '../../core/suite.ts';

/**
 * The README's "Describe your own system" example is a real catalog: extracted as written (the YAML
 * block and the JSON Schema file it names) and run through `catalog validate --explain`, so the
 * example cannot rot while the schema moves on.
 */
const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
const start = readme.indexOf('## Describe your own system');
const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
const block = (lang: string) => new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``).exec(section)?.[1];

const dir = mkdtempSync(join(tmpdir(), 'readme-catalog-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function validate(file: string): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), tty: false, env: {}, exitNow: () => {} };
  const code = await main(['node', 'tracseq-validate', 'catalog', 'validate', file, '--explain'], io);
  return { code, out: out.join(''), err: err.join('') };
}

describe('the README example catalog', () => {
  it('is in the README: a YAML catalog and the JSON Schema file it names', () => {
    expect(start).toBeGreaterThan(0);
    expect(block('yaml')).toMatch(/^# my-system\.yaml/);
    expect(block('yaml')).toContain('schema: orders-schema.json');
    expect(() => JSON.parse(block('json') ?? '')).not.toThrow();
  });

  it('passes catalog validate, and --explain reads every kind of field it shows', async () => {
    writeFileSync(join(dir, 'my-system.yaml'), block('yaml')!);
    writeFileSync(join(dir, 'orders-schema.json'), block('json')!);
    const run = await validate(join(dir, 'my-system.yaml'));
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('my-system.yaml: valid (4 services)');
    for (const expected of [
      'health: GET /healthz, status 200, body text: match /^ok/',
      'body json: field "status" is one of healthy [ok]',
      'schema orders-schema.json',
      'load.weight 4 (50% of the endpoints scenario\'s requests)',
      'load.params { id: ord-1 }',
      'response text, match /^v[0-9]+/',
      'replicas: count 2',
      'auth.login: accounts login',
      'example: a generated pact interaction',
      'metrics.labels: service=job, status=code, route=handler',
      'slos.objectives[0] checkout-success (ratio, key true',
      'slos.objectives[1] queue-depth (threshold',
      'postgres: smoke runs SELECT 1 at ORDERS_DB_URL',
      'tcp: smoke opens a TCP connection to BROKER_URL',
    ]) expect(run.out).toContain(expected);
  });

  it('is refused, naming the field, once the schema file beside it is gone', async () => {
    rmSync(join(dir, 'orders-schema.json'));
    const run = await validate(join(dir, 'my-system.yaml'));
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/services\[1\]\.endpoints\[0\]\.schema: no such file orders-schema\.json/);
  });
});
