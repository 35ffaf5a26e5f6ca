/**
 * k6 execution segments for N local instances: instance i runs `i/N:(i+1)/N` of every scenario, all
 * sharing the sequence `0,1/N,...,1` so k6 splits VUs and arrival rates without overlap or gaps.
 */
export interface Segment {
  readonly segment: string;
  readonly sequence: string;
}

const frac = (i: number, n: number) => (i === 0 ? '0' : i === n ? '1' : `${i}/${n}`);

export function executionSegments(n: number): Segment[] {
  if (!Number.isInteger(n) || n < 1) throw new Error(`instances must be a positive integer, got ${n}`);
  const sequence = Array.from({ length: n + 1 }, (_, i) => frac(i, n)).join(',');
  return Array.from({ length: n }, (_, i) => ({ segment: `${frac(i, n)}:${frac(i + 1, n)}`, sequence }));
}
