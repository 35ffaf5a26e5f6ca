import { z } from 'zod';

/**
 * Keptn-style criteria: `<=+10%` (at most 10% above the baseline), `>=-10%` (at most 10% below),
 * `<=+0.5` (at most 0.5 units above: percentage points for an error rate in %), `<600` (an absolute
 * bound). Parsed once, applied to (baseline, current).
 */
export interface Criterion {
  readonly text: string;
  readonly op: '<' | '<=' | '>' | '>=';
  /** relative: % change from the baseline; delta: units of change; absolute: the value itself. */
  readonly mode: 'relative' | 'delta' | 'absolute';
  readonly amount: number;
}

const RE = /^(<=|<|>=|>)\s*([+-])?(\d+(?:\.\d+)?)(%)?$/;

/** Returns the criterion, or an error message naming what is wrong. */
export function parseCriterion(text: string): Criterion | { readonly error: string } {
  const m = RE.exec(text.trim());
  if (!m) return { error: `"${text}" is not a criterion (use e.g. <=+10%, >=-10%, <=+0.5, <600)` };
  const [, op, sign, num, pct] = m;
  const magnitude = Number(num);
  if (pct && !sign) return { error: `"${text}": a percentage needs a sign (+ or -): it is relative to the baseline` };
  const mode = sign ? (pct ? 'relative' : 'delta') : 'absolute';
  return { text: text.trim(), op: op as Criterion['op'], mode, amount: sign === '-' ? -magnitude : magnitude };
}

function compare(op: Criterion['op'], a: number, b: number): boolean {
  switch (op) {
    case '<': return a < b;
    case '<=': return a <= b;
    case '>': return a > b;
    case '>=': return a >= b;
  }
}

/** The value `current` is compared with: the baseline moved by the criterion, or the bound itself. */
export function limitFor(c: Criterion, baseline: number): number {
  if (c.mode === 'absolute') return c.amount;
  if (c.mode === 'delta') return baseline + c.amount;
  return baseline * (1 + c.amount / 100);
}

export function meets(c: Criterion, baseline: number, current: number): boolean {
  // Rounding noise must not fail an exact-edge comparison (e.g. 110 vs 100 * 1.1).
  const limit = limitFor(c, baseline);
  const eps = 1e-9 * Math.max(1, Math.abs(limit));
  if (c.op === '<=') return current <= limit + eps;
  if (c.op === '>=') return current >= limit - eps;
  return compare(c.op, current, limit);
}

/** A criterion in a settings file or profile: checked as it is read, the error names what is wrong. */
export const CriterionField = z.string().superRefine((text, ctx) => {
  const parsed = parseCriterion(text);
  if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error });
});
