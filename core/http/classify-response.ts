import { describeIssues, type SchemaIssue } from '../json-schema/issues.ts';
import type { Failure } from '../result.ts';

/** Masks passwords in any `scheme://user:password@host` inside text (bodies and targets end up in reports). */
export function redactSecrets(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):[^\s@/]+@/gi, '$1:***@');
}

/** A short one-line preview of a response body for failure messages, with URL passwords masked. */
export function bodyPreview(text: string, max = 120): string {
  const flat = redactSecrets(text).replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

export function statusFailure(url: string, status: number, expected: number, body = ''): Failure {
  const preview = bodyPreview(body);
  return { kind: 'http-status', url, message: `HTTP ${status}, expected ${expected}${preview ? `: ${preview}` : ''}` };
}

/** Schema mismatch: names the first offending field as a JSON pointer (with how many more) and the schema. */
export function schemaFailure(url: string, schemaName: string, issues: readonly SchemaIssue[]): Failure {
  const field = issues[0]?.pointer || '(root)';
  return { kind: 'schema', url, field, message: `response does not match ${schemaName}: ${describeIssues(issues)}` };
}

export function notJsonFailure(url: string, expected: string, body: string): Failure {
  return { kind: 'schema', url, field: '(root)', message: `response is not JSON (expected ${expected}): ${bodyPreview(body) || 'empty body'}` };
}

/** A plain-text body that does not match the regex that means healthy. */
export function textMismatchFailure(url: string, match: RegExp, body: string): Failure {
  return { kind: 'schema', url, field: '(body)', message: `body does not match /${match.source}/: ${bodyPreview(body) || 'empty body'}` };
}

export function slowFailure(url: string, durationMs: number, budgetMs: number): Failure {
  return { kind: 'slow', url, message: `took ${Math.round(durationMs)} ms, over the ${budgetMs} ms budget` };
}

export interface DependencyReport {
  status: string;
  target?: string | undefined;
  error?: string | undefined;
}

/** A dependency reported unhealthy by /health/detailed, named with where the service looks for it. */
export function dependencyFailure(url: string, name: string, dep: DependencyReport): Failure {
  const where = dep.target ? ` at ${redactSecrets(dep.target)}` : '';
  const why = dep.error ? `: ${bodyPreview(dep.error)}` : '';
  return { kind: 'dependency-down', url, field: `dependencies.${name}`, message: `dependency "${name}" is ${dep.status}${where}${why}` };
}
