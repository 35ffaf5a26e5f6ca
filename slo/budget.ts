/**
 * Error-budget and burn-rate maths (pure). `target` is the objective as a fraction of good
 * events (0.999); the budget is the allowed fraction of bad events, 1 - target.
 */

export interface EventCounts {
  readonly good: number;
  readonly bad: number;
  readonly total: number;
}

export interface ErrorBudget {
  /** Allowed bad fraction (1 - target), e.g. 0.001. */
  readonly total: number;
  /** Fraction of the budget spent (bad fraction / allowed); above 1 when overspent. */
  readonly consumed: number;
  /** 1 - consumed; negative when overspent. */
  readonly remaining: number;
  /** Events, where counts are known. */
  readonly allowedBadEvents: number;
  readonly badEvents: number;
  readonly totalEvents: number;
}

/** Counts from a good or a bad numerator (empty numerators count as 0; see evaluate). */
export function eventCounts(numerator: { good: number } | { bad: number }, total: number): EventCounts {
  if ('good' in numerator) return { good: numerator.good, bad: total - numerator.good, total };
  return { good: total - numerator.bad, bad: numerator.bad, total };
}

/** Undefined when there were no events (0/0 is no data, never a pass). */
export function badFraction(counts: EventCounts): number | undefined {
  if (!(counts.total > 0)) return undefined;
  return Math.min(1, Math.max(0, counts.bad / counts.total));
}

export function errorBudget(counts: EventCounts, target: number): ErrorBudget | undefined {
  const bad = badFraction(counts);
  if (bad === undefined) return undefined;
  const allowed = 1 - target;
  const consumed = bad / allowed;
  return {
    total: allowed,
    consumed,
    remaining: 1 - consumed,
    allowedBadEvents: allowed * counts.total,
    badEvents: Math.max(0, counts.bad),
    totalEvents: counts.total,
  };
}

/** How fast the budget burns: 1 spends exactly the budget over the period. */
export function burnRate(badRatio: number, target: number): number {
  return badRatio / (1 - target);
}

/** The fraction of the period's budget a burn rate spends over a window. */
export function budgetSpent(rate: number, windowMs: number, periodMs: number): number {
  return (rate * windowMs) / periodMs;
}

/** A multi-window alert fires when both the long and the short window burn faster than the factor. */
export function pairFires(longRate: number | undefined, shortRate: number | undefined, factor: number): boolean {
  return longRate !== undefined && shortRate !== undefined && longRate > factor && shortRate > factor;
}
