import type { z } from 'zod';
import { fieldPath } from '../../core/zod-issues.ts';

/**
 * OpenSLO objects as they come: a YAML file holds one or more documents, each an object or a
 * list of objects (the SDK's form). Every object keeps where it was, so that each problem names
 * the file, the document and the field: `slos.yaml (document 2): [1].spec.budgetingMethod: ...`.
 */
export interface Location {
  readonly where: string;
  readonly path: readonly (string | number)[];
}

export interface Located {
  readonly value: unknown;
  readonly loc: Location;
}

export type Path = readonly (string | number)[];

export function locate(docs: readonly unknown[], file: string): Located[] {
  return docs.flatMap((doc, i) => {
    const where = docs.length > 1 ? `${file} (document ${i + 1})` : file;
    return Array.isArray(doc) ? doc.map((value, j) => ({ value, loc: { where, path: [j] } })) : [{ value: doc, loc: { where, path: [] } }];
  });
}

const apiVersionOf = (v: unknown) => (typeof v === 'object' && v !== null ? (v as { apiVersion?: unknown }).apiVersion : undefined);

/** A file is OpenSLO when any of its objects says `apiVersion: openslo/...`. */
export function isOpenSlo(docs: readonly unknown[]): boolean {
  return docs.some((d) => (Array.isArray(d) ? d : [d]).some((v) => String(apiVersionOf(v) ?? '').startsWith('openslo/')));
}

/** `where: path.to.field: message` for a field under an object's location. */
export function lineAt(loc: Location, path: Path, message: string): string {
  return `${loc.where}: ${fieldPath([...loc.path, ...path]) || '(root)'}: ${message}`;
}

export function issueLines(error: z.ZodError, loc: Location, base: Path = []): string[] {
  return error.issues.map((issue) => lineAt(loc, [...base, ...(issue.path as (string | number)[])], issue.message));
}

/** Problems and warnings collected over the whole file, reported at once. */
export class Findings {
  readonly problems: string[] = [];
  readonly warnings: string[] = [];
  problem(loc: Location, path: Path, message: string): undefined {
    this.problems.push(lineAt(loc, path, message));
    return undefined;
  }
  warn(loc: Location, path: Path, message: string): void {
    this.warnings.push(lineAt(loc, path, message));
  }
}
