import type { Check, Failure } from '../../core/result.ts';
import { failureBlock, mismatchDiff, mismatchSummary } from './failure-diff.ts';
import { parseVerifierDuration, type InteractionResult, type VerifierOutput } from './verifier-output.ts';

/** An interaction the pacts say must be verified. */
export interface ExpectedInteraction {
  readonly consumer: string;
  readonly provider: string;
  readonly description: string;
  readonly providerStates: readonly string[];
}

/** What verifying one provider produced. */
export type ProviderOutcome =
  | { readonly kind: 'unreachable'; readonly failure: Failure }
  | { readonly kind: 'crashed'; readonly message: string; readonly cause?: 'interrupted' | 'timeout' }
  | { readonly kind: 'verified'; readonly output: VerifierOutput; readonly stateErrors: readonly { state: string; message: string }[] };

const TRANSPORT = /error sending request|connection refused|ECONNREFUSED|ECONNRESET|timed out|dns error/i;

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-|-$/g, '');
}

function base(e: ExpectedInteraction): Pick<Check, 'id' | 'name' | 'service'> {
  return { id: `contracts.verify.${e.consumer}--${e.provider}.${slug(e.description)}`, name: `${e.consumer} -> ${e.provider}: ${e.description}`, service: `${e.consumer}->${e.provider}` };
}

function judged(e: ExpectedInteraction, r: InteractionResult, output: VerifierOutput, stateErrors: readonly { state: string; message: string }[]): Check {
  const who = `${e.consumer} -> ${e.provider} "${e.description}"`;
  const durationMs = parseVerifierDuration(r.duration);
  const broken = stateErrors.filter((s) => e.providerStates.includes(s.state));
  const stateNote = broken.map((s) => `provider state "${s.state}" could not be set up: ${s.message}`).join('; ');
  if (r.result === 'OK') {
    if (broken.length === 0) return { ...base(e), outcome: 'pass', durationMs };
    return { ...base(e), outcome: 'inconclusive', durationMs, failure: { kind: 'no-data', message: `${who}: not verified: ${stateNote}` } };
  }
  const summary = mismatchSummary(r);
  if (r.mismatch?.type === 'error' && TRANSPORT.test(summary)) {
    return { ...base(e), outcome: 'inconclusive', durationMs, failure: { kind: 'connection-refused', message: `${who}: provider did not answer: ${summary}` } };
  }
  const diff = failureBlock(output.output, e.consumer, e.description) ?? mismatchDiff(r);
  const failure: Failure = { kind: 'contract-mismatch', message: `${who}: ${summary}${stateNote ? ` (${stateNote})` : ''}`, ...(diff ? { diff } : {}) };
  return { ...base(e), outcome: r.pending ? 'warn' : 'fail', durationMs, failure };
}

/**
 * One check per expected interaction, from the provider's verification outcome: pass, fail (a mismatch,
 * naming consumer, provider, interaction and mismatch, with the diff), or inconclusive (provider unreachable,
 * verifier crashed, state not set up, or the interaction not reported): never a silent pass.
 */
export function verificationChecks(expected: readonly ExpectedInteraction[], outcome: ProviderOutcome): Check[] {
  return expected.map((e): Check => {
    const who = `${e.consumer} -> ${e.provider} "${e.description}"`;
    if (outcome.kind === 'unreachable') {
      return { ...base(e), outcome: 'inconclusive', durationMs: 0, failure: { ...outcome.failure, message: `${who}: not verified: ${outcome.failure.message}` } };
    }
    if (outcome.kind === 'crashed') {
      return { ...base(e), outcome: 'inconclusive', durationMs: 0, failure: { kind: outcome.cause ?? 'internal', message: `${who}: not verified: ${outcome.message}` } };
    }
    const result = outcome.output.interactionResults.find((r) => r.consumer === e.consumer && r.description === e.description);
    if (!result) {
      return { ...base(e), outcome: 'inconclusive', durationMs: 0, failure: { kind: 'no-data', message: `${who}: the verifier did not report this interaction` } };
    }
    return judged(e, result, outcome.output, outcome.stateErrors);
  });
}

/** Broker mode: the interactions are whatever the broker handed the verifier. */
export function expectedFromOutput(provider: string, output: VerifierOutput): ExpectedInteraction[] {
  return output.interactionResults.map((r) => ({ consumer: r.consumer, provider, description: r.description, providerStates: r.providerStates }));
}
