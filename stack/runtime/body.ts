import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { formatIssues } from '../../core/zod-issues.ts';
import { HttpError } from './types.ts';

const MAX_BODY_BYTES = 1_000_000;

/** Reads and JSON-parses a request body (undefined when empty). Bad JSON or an oversized body is a 400/413. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  if (size === 0) return undefined;
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'request body is not valid JSON');
  }
}

/** Validates a request body with zod; a 400 lists every `field: message`. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const details = formatIssues(parsed.error);
  throw new HttpError(400, `invalid request body: ${details.join('; ')}`, details);
}
