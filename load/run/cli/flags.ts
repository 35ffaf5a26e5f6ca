import { UsageError } from '../../../core/errors.ts';

/** Numeric command-line flags: a bad value is a usage error naming the flag (exit 2). */
export function numberFlag(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${flag}: "${value}" is not a number`);
  return n;
}
