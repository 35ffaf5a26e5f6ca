import type { z } from 'zod';
import { UsageError } from '../../core/errors.ts';

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * A command's flags through its zod schema, where their defaults live (never in commander). Every
 * problem is a usage error naming the flag: `--window: must be a duration such as 5m`.
 */
export function parseFlags<S extends z.ZodType>(schema: S, flags: unknown): z.output<S> {
  const parsed = schema.safeParse(flags);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const [field] = issue.path;
    return field === undefined ? issue.message : `--${kebab(String(field))}: ${issue.message}`;
  });
  throw new UsageError(lines[0] ?? 'invalid options', lines.slice(1));
}

/** Help text that states a flag's default, read from the schema (so it is written down once). */
export function withDefault(description: string, schema: z.ZodObject, key: string): string {
  const field = schema.shape[key] as z.ZodType | undefined;
  const parsed = field?.safeParse(undefined);
  if (!parsed?.success || parsed.data === undefined) return description;
  return `${description} (default: ${Array.isArray(parsed.data) ? parsed.data.join(',') || 'none' : String(parsed.data)})`;
}
