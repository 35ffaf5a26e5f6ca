import { z } from 'zod';
import type { SchemaRef } from '../json-schema/registry.ts';

export type { SchemaRef };

/** Small schemas shared by the catalog's parts (kept here so each part's file imports them once). */
export const serviceId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case kebab-case');
export const urlPath = z.string().startsWith('/', 'must start with /');
export const httpStatus = z.number().int().min(100).max(599);

/**
 * A JSON Schema: a path to a file beside the catalog (`tracseq/schemas/sample-list.json`, relative to
 * the catalog file's folder) or the schema itself, inline.
 */
export const SchemaRefSchema = z.custom<SchemaRef>().superRefine((value, ctx) => {
  if (typeof value === 'string') {
    if (value.length === 0) ctx.addIssue({ code: 'custom', message: 'expected a JSON Schema file path, got an empty string' });
    else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) ctx.addIssue({ code: 'custom', message: `"${value}" is a URL: give a file path relative to the catalog's folder (schemas are never fetched)` });
    return;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return;
  ctx.addIssue({ code: 'custom', message: `expected a JSON Schema file path (relative to the catalog's folder) or an inline JSON Schema object, got ${JSON.stringify(value) ?? typeof value}` });
});

/** A regular expression written as a string: it must compile. */
export const regexSource = z.string().min(1).superRefine((source, ctx) => {
  try {
    new RegExp(source);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${(err as Error).message}` });
  }
});
