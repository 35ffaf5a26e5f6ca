import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/errors.ts';
import { parsePactFile } from './pact-file.ts';

const fixture = (name: string) => {
  const file = new URL(`../../testdata/pacts/${name}`, import.meta.url);
  return parsePactFile(readFileSync(file, 'utf8'), name);
};
const legacy = (metadata: unknown, over: Record<string, unknown> = {}) =>
  JSON.stringify({
    consumer: { name: 'lab-ui' },
    provider: { name: 'sample-service' },
    interactions: [{ description: 'list-samples: x', providerState: 'samples exist', request: { method: 'get', path: '/api/v1/samples' }, response: { status: 200 } }],
    ...(metadata === undefined ? {} : { metadata }),
    ...over,
  });

function configError(text: string, file = 'p.json'): ConfigError {
  try {
    parsePactFile(text, file);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected the pact to be refused');
}

describe('pact files of every specification version the verifier reads', () => {
  it('reads a pact-python V2 pact of a consumer outside the catalog', () => {
    const { pact } = fixture('v2-lab-ui-auth-service.json');
    expect(pact.consumer.name).toBe('lab-ui');
    expect(pact.interactions).toEqual([{ type: 'Synchronous/HTTP', description: 'a login with the seeded admin', providerStates: [], request: { method: 'post', path: '/api/v1/auth/login' } }]);
  });

  it('reads an older pact-js V2 pact: one providerState string per interaction, $.body matching rules', () => {
    const { pact } = fixture('v2-api-gateway-sample-service.json');
    expect(pact.interactions.map((i) => [i.type, i.description, i.providerStates])).toEqual([
      ['Synchronous/HTTP', 'list-samples: the gateway lists samples', [{ name: 'sample sample-pact-0001 exists' }]],
      ['Synchronous/HTTP', 'get-sample: the gateway fetches one sample', [{ name: 'sample sample-pact-0001 exists' }]],
      ['Synchronous/HTTP', 'create-sample: the gateway registers a sample', []],
    ]);
  });

  it('reads a pact-jvm V3 pact: providerStates with params', () => {
    const { pact } = fixture('v3-transaction-service-sample-service.json');
    expect(pact.interactions[1]).toEqual({
      type: 'Synchronous/HTTP',
      description: 'saga-compensate-sample: the saga deletes the sample it created',
      providerStates: [{ name: 'sample sample-pact-0001 exists', params: { id: 'sample-pact-0001' } }],
      request: { method: 'DELETE', path: '/api/v1/samples/sample-pact-0001' },
    });
  });

  it('reads a pact-jvm V3 message pact: messages with contents and metaData', () => {
    const { pact, hash } = fixture('v3-notification-service-sequencing-service.json');
    expect(pact.interactions).toEqual([{ type: 'Asynchronous/Messages', description: 'sequencing.job_completed: a job finished and the lab is told', providerStates: [] }]);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['V1 (pact-specification)', { 'pact-specification': { version: '1.0.0' } }],
    ['V1.1 (PactNet pactSpecificationVersion)', { pactSpecificationVersion: '1.1.0' }],
    ['V2', { pactSpecification: { version: '2.0.0' } }],
    ['no version at all (taken as V3, as the verifier core does)', {}],
    ['no metadata at all (taken as V3)', undefined],
  ])('reads %s', (_label, metadata) => {
    expect(parsePactFile(legacy(metadata), 'p.json').pact.interactions[0]?.providerStates).toEqual([{ name: 'samples exist' }]);
  });

  it('reads a V1 provider_state', () => {
    const text = legacy({ pactSpecification: { version: '1.0.0' } }, { interactions: [{ description: 'x', provider_state: 'old state', request: { method: 'GET', path: '/' }, response: { status: 200 } }] });
    expect(parsePactFile(text, 'p.json').pact.interactions[0]?.providerStates).toEqual([{ name: 'old state' }]);
  });

  it.each([['5.0.0'], ['banana'], ['']])('refuses specification version "%s" (exit 2), naming the file and the field', (version) => {
    const err = configError(legacy({ pactSpecification: { version } }), 'pacts/future.json');
    expect(err.message).toBe(`pacts/future.json: unknown Pact specification version ${JSON.stringify(version)} at metadata.pactSpecification.version (the Pact verifier reads versions 1 to 4)`);
    expect(err.exitCode).toBe(2);
  });

  it.each([
    ['a JSON array', '[1, 2]'],
    ['some other JSON document', '{"name": "tracseq-validate", "version": "0.1.0"}'],
    ['JSON null', 'null'],
  ])('refuses %s as not a pact file, naming it', (_label, text) => {
    expect(configError(text, 'pacts/other.json').message).toBe('pacts/other.json: not a pact file (no consumer, provider, interactions or messages)');
  });

  it('names every bad field of an older pact, under its version', () => {
    const err = configError(legacy({ pactSpecification: { version: '3.0.0' } }, { provider: {}, messages: [{ contents: {} }] }), 'pacts/v3.json');
    expect(err.message).toBe('pacts/v3.json: invalid Pact V3 file (2 problems)');
    expect(err.details).toEqual([
      'pacts/v3.json: provider.name: Invalid input: expected string, received undefined',
      'pacts/v3.json: messages[0].description: Invalid input: expected string, received undefined',
    ]);
    expect(configError(legacy({ pactSpecification: { version: '2.0.0' } }, { interactions: [] }), 'pacts/v2.json').details).toEqual([
      'pacts/v2.json: interactions: a pact needs at least one interaction or message',
    ]);
  });
});
