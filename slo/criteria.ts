/** Comparisons and Keptn-style relative criteria (pure). */

export type Op = '<' | '<=' | '>' | '>=';

export function compare(value: number, op: Op, bound: number): boolean {
  switch (op) {
    case '<': return value < bound;
    case '<=': return value <= bound;
    case '>': return value > bound;
    case '>=': return value >= bound;
  }
}

export interface RelativeCriterion {
  readonly text: string;
  readonly op: Op;
  /** Signed change allowed, as a fraction: `<=+10%` -> 0.1. */
  readonly change: number;
}

export function parseRelative(text: string): RelativeCriterion {
  const match = /^(<=|<|>=|>)([+-]\d+(?:\.\d+)?)%$/.exec(text);
  if (!match) throw new Error(`"${text}" is not a relative criterion such as <=+10%`);
  return { text, op: match[1] as Op, change: Number(match[2]) / 100 };
}

export interface RelativeCheck {
  readonly criterion: string;
  readonly baseline: number;
  readonly bound: number;
  readonly met: boolean;
}

/** `<=+10%` against a baseline of 0.2 means value <= 0.22. */
export function checkRelative(value: number, criterion: RelativeCriterion, baseline: number): RelativeCheck {
  const bound = baseline * (1 + criterion.change);
  return { criterion: criterion.text, baseline, bound, met: compare(value, criterion.op, bound) };
}

/** The baseline from stored values: their mean (Keptn's default aggregate). */
export function baselineOf(values: readonly number[]): number | undefined {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return undefined;
  return finite.reduce((a, b) => a + b, 0) / finite.length;
}
