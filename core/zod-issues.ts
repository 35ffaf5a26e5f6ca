import type { z } from 'zod';

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
