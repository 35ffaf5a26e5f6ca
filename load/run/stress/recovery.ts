import type { StressCriteria } from '../data.ts';
import { isHealthy } from './breaking-point.ts';
import type { WindowStat } from './windows.ts';

/**
 * Recovery: once the offered load is back down (at `fallEnd`, Unix seconds), how long until the
 * windows are healthy again AND stay healthy to the end. 0 when the system was never unhealthy
 * after the fall; null when it had not recovered by the end of the test.
 */
export interface Recovery {
  readonly recovered: boolean;
  /** Unix second from which every window is healthy. */
  readonly recoveredAt: number | null;
  readonly seconds: number | null;
  /** Seconds of low load observed after the fall (the most recovery time this run could show). */
  readonly observedS: number;
}

export function measureRecovery(windows: readonly WindowStat[], c: StressCriteria, fallEnd: number): Recovery {
  const after = windows.filter((w) => w.start >= fallEnd);
  const last = after[after.length - 1];
  const observedS = last ? last.start + last.seconds - fallEnd : 0;
  if (!last || !isHealthy(last, c)) return { recovered: false, recoveredAt: null, seconds: null, observedS };
  let from = last.start;
  for (let i = after.length - 1; i >= 0; i -= 1) {
    const w = after[i]!;
    if (!isHealthy(w, c)) break;
    from = w.start;
  }
  return { recovered: true, recoveredAt: from, seconds: from - fallEnd, observedS };
}
