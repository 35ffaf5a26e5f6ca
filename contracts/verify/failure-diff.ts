import type { InteractionResult, VerifierMismatch } from './verifier-output.ts';

const ANSI = /\u001b\[[0-9;]*m/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/**
 * The verifier's own failure block for one interaction (numbered `N) Verifying a pact between C and P ... - D`),
 * ANSI colours removed: it carries the expected/actual diff. undefined when the output has none.
 */
export function failureBlock(output: readonly string[], consumer: string, description: string): string | undefined {
  const text = stripAnsi(output.join('\n'));
  const blocks = text.split(/\n(?=\d+\) Verifying a pact between )/);
  const block = blocks.find((b) => {
    const header = b.split('\n', 1)[0] ?? '';
    return /^\d+\) Verifying a pact between /.test(header) && header.includes(`between ${consumer} and `) && header.endsWith(` - ${description}`);
  });
  return block?.replace(/\n+There were \d+ pact failures[\s\S]*$/, '').trimEnd();
}

function describeMismatch(m: VerifierMismatch): string {
  const where = m.path ?? (m.key !== undefined ? `metadata.${m.key}` : undefined);
  return `${m.type}${where ? ` at ${where}` : ''}: ${m.mismatch ?? `expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`}`;
}

/** One line naming every mismatch of an interaction, e.g. `BodyMismatch at $: Actual map is missing the following keys: barcode`. */
export function mismatchSummary(result: InteractionResult): string {
  const m = result.mismatch;
  if (!m) return `verification ${result.result}`;
  if (m.mismatches && m.mismatches.length > 0) return m.mismatches.map(describeMismatch).join('; ');
  return m.message ?? m.type;
}

/** A diff built from the mismatches when the verifier printed no failure block. */
export function mismatchDiff(result: InteractionResult): string | undefined {
  const list = result.mismatch?.mismatches ?? [];
  if (list.length === 0) return result.mismatch?.message;
  return list.map((m) => `${describeMismatch(m)}\n  - expected: ${JSON.stringify(m.expected)}\n  + actual:   ${JSON.stringify(m.actual)}`).join('\n');
}
