import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { failureBlock, stripAnsi } from './failure-diff.ts';
import { verificationChecks, type ExpectedInteraction } from './verify-checks.ts';
import { parseVerifierDuration, parseVerifierOutput, type VerifierOutput } from './verifier-output.ts';

const fixture = readFileSync(new URL('../../testdata/contracts/verifier-result-drift.json', import.meta.url), 'utf8');
const parsed = parseVerifierOutput(fixture);
if (!parsed.ok) throw new Error(parsed.error);
const drift: VerifierOutput = parsed.value;

const getSample: ExpectedInteraction = { consumer: 'api-gateway', provider: 'sample-service', description: 'get-sample: a request for a sample', providerStates: ['a sample S-1 exists'] };
const event: ExpectedInteraction = { consumer: 'api-gateway', provider: 'sample-service', description: 'storage.location_assigned: a location assigned event', providerStates: ['a location is assigned'] };

function passing(output: VerifierOutput): VerifierOutput {
  return { ...output, result: true, interactionResults: output.interactionResults.map(({ mismatch: _m, ...r }) => ({ ...r, result: 'OK' })) };
}

describe('verification checks', () => {
  it('fails a drifted interaction naming consumer, provider, interaction and mismatch, with the diff', () => {
    const [check] = verificationChecks([getSample], { kind: 'verified', output: drift, stateErrors: [] });
    expect(check?.outcome).toBe('fail');
    expect(check?.failure?.kind).toBe('contract-mismatch');
    expect(check?.failure?.message).toBe('api-gateway -> sample-service "get-sample: a request for a sample": BodyMismatch at $: Actual map is missing the following keys: barcode');
    expect(check?.failure?.diff).toContain('-  "barcode": "BC1",');
    expect(check?.failure?.diff).toContain('+  "bar_code": "x",');
    expect(check?.failure?.diff).not.toMatch(/\u001b/);
    expect(check?.id).toBe('contracts.verify.api-gateway--sample-service.get-sample-a-request-for-a-sample');
    expect(check?.durationMs).toBe(49);
  });

  it('names every mismatch of a message interaction, including metadata', () => {
    const [, check] = verificationChecks([getSample, event], { kind: 'verified', output: drift, stateErrors: [] });
    expect(check?.failure?.message).toMatch(/BodyMismatch at \$: .*location_id; MetadataMismatch at metadata\.event: /);
    expect(check?.failure?.diff).toMatch(/^2\) Verifying a pact between api-gateway and sample-service/);
  });

  it('passes interactions the verifier reported OK', () => {
    const checks = verificationChecks([getSample, event], { kind: 'verified', output: passing(drift), stateErrors: [] });
    expect(checks.map((c) => c.outcome)).toEqual(['pass', 'pass']);
  });

  it('never passes an interaction whose provider state could not be set up', () => {
    const [check] = verificationChecks([getSample], { kind: 'verified', output: passing(drift), stateErrors: [{ state: 'a sample S-1 exists', message: 'POST http://x/__admin/seed: HTTP 403' }] });
    expect(check?.outcome).toBe('inconclusive');
    expect(check?.failure?.message).toContain('provider state "a sample S-1 exists" could not be set up: POST http://x/__admin/seed: HTTP 403');
  });

  it('is inconclusive for an unreachable provider, a crashed verifier and an unreported interaction', () => {
    const unreachable = verificationChecks([getSample], { kind: 'unreachable', failure: { kind: 'connection-refused', message: 'connection refused by 127.0.0.1:1 (ECONNREFUSED)' } });
    expect(unreachable[0]).toMatchObject({ outcome: 'inconclusive', failure: { kind: 'connection-refused' } });
    expect(unreachable[0]?.failure?.message).toBe('api-gateway -> sample-service "get-sample: a request for a sample": not verified: connection refused by 127.0.0.1:1 (ECONNREFUSED)');
    expect(verificationChecks([getSample], { kind: 'crashed', message: 'verifier exited with code 1' })[0]?.outcome).toBe('inconclusive');
    const missing = verificationChecks([{ ...getSample, description: 'other' }], { kind: 'verified', output: drift, stateErrors: [] });
    expect(missing[0]?.failure?.message).toMatch(/did not report this interaction/);
  });

  it('calls a transport error from the provider inconclusive, not a contract failure', () => {
    const output: VerifierOutput = { ...drift, interactionResults: [{ consumer: 'api-gateway', description: getSample.description, result: 'Error', providerStates: [], mismatch: { type: 'error', message: 'error sending request for url (http://127.0.0.1:1/x)' } }] };
    expect(verificationChecks([getSample], { kind: 'verified', output, stateErrors: [] })[0]?.outcome).toBe('inconclusive');
  });

  it('reads verifier durations and strips colours', () => {
    expect([parseVerifierDuration('130ms'), parseVerifierDuration('1.5s'), parseVerifierDuration('1m 2s'), parseVerifierDuration(undefined)]).toEqual([130, 1500, 62_000, 0]);
    expect(stripAnsi('\u001b[1mx\u001b[0m')).toBe('x');
    expect(failureBlock([], 'a', 'b')).toBeUndefined();
  });

  it('reports a malformed verifier result as an error line', () => {
    expect(parseVerifierOutput('nope')).toMatchObject({ ok: false });
    expect(parseVerifierOutput('{"interactionResults": 3}')).toMatchObject({ ok: false, error: expect.stringMatching(/^unexpected verifier result: /) });
  });
});
