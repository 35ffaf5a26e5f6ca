import { describe, expect, it } from 'vitest';
import { runCli } from '../test/helpers/cli.ts';

const BAD = 'testdata/bad/catalogs';

/** Each malformed catalog must give exit 2 and a one-line error naming the file and the field. */
const cases: Array<[file: string, expected: RegExp]> = [
  ['truncated.yaml', /truncated\.yaml:\d+: /],
  ['zero-services.yaml', /services: the catalog names no services/],
  ['port-is-string.yaml', /services\[0\]\.port: Invalid input: expected number, received string/],
  ['unknown-dependency.yaml', /services\[0\]\.dependencies\.http\[0\]\.to: unknown service "storage-servce"/],
  ['unknown-schema.yaml', /services\[0\]\.endpoints\[0\]\.schema: no such file schemas\/no-such-schema\.json \(looked for \S+\/testdata\/bad\/catalogs\/schemas\/no-such-schema\.json\)/],
  ['duplicate-port.yaml', /services\[1\]\.port: port 8081 is also used by a-service/],
  ['slo-as-percent.yaml', /services\[0\]\.slos\.availability: Too big/],
  ['binary.yaml', /binary\.yaml/],
  ['missing-file.yaml', /missing-file\.yaml: cannot read catalog \(ENOENT\)/],
];

describe('catalog validate on the bad-input corpus', () => {
  it.each(cases)('rejects %s with exit 2 and names the field', async (file, expected) => {
    const result = await runCli(['catalog', 'validate', `${BAD}/${file}`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(expected);
    expect(result.stderr).toContain(file);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('accepts the shipped catalog', async () => {
    const result = await runCli(['catalog', 'validate', 'catalog/tracseq.yaml']);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toMatch(/valid \(18 services\)/);
  });

  it('accepts the third-party catalog and explains it field by field', async () => {
    const result = await runCli(['catalog', 'validate', 'testdata/third-party/catalog.yaml', '--explain']);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toMatch(/^testdata\/third-party\/catalog\.yaml: valid \(4 services\)$/m);
    expect(result.stdout).toContain('  health: GET /healthz, status 200, body text: match /^OK/');
    expect(result.stdout).toContain('  slos.shorthands: off: no availability, error-rate or latency objective from prometheus_http_requests_total; its SLOs are its objectives');
  });

  it('treats an environment with no URLs as a configuration error', async () => {
    const result = await runCli(['--catalog', `${BAD}/no-urls-in-env.yaml`, 'catalog', '--env', 'local']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/environment "local": no service has a URL/);
  });

  it('names the unknown environment and lists the known ones', async () => {
    const result = await runCli(['catalog', '--env', 'qa']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--env: unknown environment "qa" \(known: local, staging, production\)/);
  });
});
