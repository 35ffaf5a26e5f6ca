import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderJunit } from './junit.ts';
import { fixtureReport } from './report-fixture.ts';
import { xmllintSchema } from '../test/helpers/run-tool.ts';

const XSD = fileURLToPath(new URL('../testdata/junit/junit.xsd', import.meta.url));

/** Validates with xmllint (Debian libxml2-utils); resolves to xmllint's stderr, rejects when invalid. */
async function xmllint(dir: string, name: string, xml: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, xml);
  return xmllintSchema(XSD, file);
}

describe('junit.xml against the JUnit XSD', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'junit-xsd-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('validates a run with every outcome, an escaped message and a suite that ran no checks', async () => {
    expect(await xmllint(dir, 'full.xml', renderJunit(fixtureReport()))).toMatch(/full\.xml validates/);
  });

  it('validates a run in which no suite ran', async () => {
    expect(await xmllint(dir, 'empty.xml', renderJunit(fixtureReport({ suites: [] })))).toMatch(/validates/);
  });

  it('is a real check: the schema rejects a testcase without a classname', async () => {
    const broken = renderJunit(fixtureReport()).replace(' classname="smoke.auth-service"', '');
    await expect(xmllint(dir, 'broken.xml', broken)).rejects.toThrow(/classname.*is required|fails to validate/);
  });
});
