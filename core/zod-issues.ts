import type { z } from 'zod';

/** Formats zod issues as `path.to.field: message` lines (array indexes as `[n]`), with an optional prefix such as a file name. */
export function formatIssues(error: z.ZodError, prefix = ''): string[] {
  return error.issues.map((issue) => {
    const path = issue.path
      .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
      .join('');
    const where = [prefix, path].filter(Boolean).join(': ');
    return `${where || '(root)'}: ${issue.message}`;
  });
}
