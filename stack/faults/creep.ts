/**
 * Latency maths for the latency, jitter and creep faults. Pure: the clock and the random source are passed in.
 * Creep grows linearly from the moment it was set, capped so a forgotten fault cannot stall a process forever.
 */
export const CREEP_CAP_MS = 60_000;

export function creepDelayMs(msPerMin: number, sinceMs: number, nowMs: number): number {
  if (msPerMin <= 0 || nowMs <= sinceMs) return 0;
  return Math.min(CREEP_CAP_MS, (msPerMin * (nowMs - sinceMs)) / 60_000);
}

export interface DelayInputs {
  readonly latencyMs: number;
  readonly jitterMs: number;
  readonly creepMsPerMin: number;
  readonly creepSinceMs: number;
}

/** Total added delay for one request: fixed + jitter * random + creep. `random` returns [0, 1). */
export function requestDelayMs(inputs: DelayInputs, nowMs: number, random: () => number): number {
  const jitter = inputs.jitterMs > 0 ? inputs.jitterMs * random() : 0;
  return inputs.latencyMs + jitter + creepDelayMs(inputs.creepMsPerMin, inputs.creepSinceMs, nowMs);
}
