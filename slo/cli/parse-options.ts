import { UsageError } from '../../core/errors.ts';

/** Parses `--at`: RFC 3339 (2026-05-01T12:00:00Z) or unix seconds. */
export function parseAt(text: string): Date {
  const trimmed = text.trim();
  const date = /^\d+(\.\d+)?$/.test(trimmed) ? new Date(Number(trimmed) * 1000) : new Date(trimmed);
  if (Number.isNaN(date.getTime()) || !/^\d|^\d{4}-/.test(trimmed)) throw new UsageError(`--at: "${text}" is not a time (use RFC 3339 such as 2026-05-01T12:00:00Z, or unix seconds)`);
  return date;
}

export function parseCount(text: string, flag: string, min = 0): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag}: "${text}" is not a whole number >= ${min}`);
  return n;
}
