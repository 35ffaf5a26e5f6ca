import type { z } from 'zod';
import type { CompiledSchema } from './json-schema/registry.ts';

/** A field path as the error lines show it: `services[2].slos.availability` (array indexes as `[n]`). */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}

/** Formats zod issues as `path.to.field: message` lines, with an optional prefix such as a file name. */
export function formatIssues(error: z.ZodError, prefix = ''): string[] {
  return error.issues.map((issue) => {
    const where = [prefix, fieldPath(issue.path)].filter(Boolean).join(': ');
    return `${where || '(root)'}: ${issue.message}`;
  });
}

/** A zod schema behind the JSON Schema interface, for the harness's own formats: issues as JSON pointers. */
export function zodAsSchema(name: string, schema: z.ZodType): CompiledSchema {
  return {
    name,
    check: (value) => {
      const parsed = schema.safeParse(value);
      return parsed.success ? [] : parsed.error.issues.map((i) => ({ pointer: i.path.map((p) => `/${String(p)}`).join(''), message: i.message }));
    },
  };
}
