import { parseDuration } from '../../core/duration.ts';
import { UsageError } from '../../core/errors.ts';

/** `--rate-limit 1000/60s` (also `100/1m`, or a bare `N` meaning per 60 s) -> requests per window. */
export function parseRateLimit(text: string): { requests: number; windowMs: number } {
  const [count = '', window] = text.split('/');
  const requests = Number(count);
  if (!Number.isInteger(requests) || requests <= 0) throw new UsageError(`--rate-limit "${text}": use <requests>/<window>, e.g. 1000/60s`);
  const windowMs = window === undefined ? 60_000 : parseDuration(window, `--rate-limit "${text}"`);
  if (windowMs <= 0) throw new UsageError(`--rate-limit "${text}": the window must be positive`);
  return { requests, windowMs };
}

/** `--port-base N`: 0 (OS-chosen) or a base port such that every service port stays below 65536. */
export function parsePortBase(text: string, span: number): number {
  const base = Number(text);
  if (!Number.isInteger(base) || base < 0 || (base > 0 && (base < 1024 || base + span > 65535))) {
    throw new UsageError(`--port-base "${text}": use 0 (free ports) or a port from 1024 to ${65535 - span}`);
  }
  return base;
}
