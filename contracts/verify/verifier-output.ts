import { z } from 'zod';
import { formatIssues } from '../../core/zod-issues.ts';

/** The verifier's JSON result (pact_verifier_ffi `pactffi_verifier_json`): the parts the harness reads. */
const Mismatch = z.looseObject({
  type: z.string(),
  mismatch: z.string().optional(),
  path: z.string().optional(),
  key: z.string().optional(),
  expected: z.unknown().optional(),
  actual: z.unknown().optional(),
});

const InteractionMismatch = z.looseObject({
  type: z.string(),
  mismatches: z.array(Mismatch).optional(),
  message: z.string().optional(),
});

const InteractionResult = z.looseObject({
  consumer: z.string(),
  provider: z.string().optional(),
  description: z.string(),
  duration: z.string().optional(),
  result: z.string(),
  pending: z.boolean().optional(),
  providerStates: z.array(z.string()).default([]),
  mismatch: InteractionMismatch.optional(),
});

export const VerifierOutput = z.looseObject({
  result: z.boolean(),
  interactionResults: z.array(InteractionResult).default([]),
  output: z.array(z.string()).default([]),
});

export type VerifierOutput = z.infer<typeof VerifierOutput>;
export type InteractionResult = z.infer<typeof InteractionResult>;
export type VerifierMismatch = z.infer<typeof Mismatch>;

/** Parses the verifier's JSON text; a malformed result is returned as an error line, never thrown. */
export function parseVerifierOutput(text: string): { ok: true; value: VerifierOutput } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: `verifier result is not JSON: ${text.slice(0, 200)}` };
  }
  const parsed = VerifierOutput.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: `unexpected verifier result: ${formatIssues(parsed.error).join('; ')}` };
}

/** "130ms" / "1.2s" / "1m 3s" -> milliseconds (0 when absent or unreadable). */
export function parseVerifierDuration(text: string | undefined): number {
  if (!text) return 0;
  let total = 0;
  for (const [, value, unit] of text.matchAll(/([\d.]+)\s*(ms|s|m)\b/g)) {
    const n = Number(value);
    total += unit === 'ms' ? n : unit === 's' ? n * 1000 : n * 60_000;
  }
  return Math.round(total);
}
