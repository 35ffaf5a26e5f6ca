import type { z } from 'zod';
import { formatIssues } from '../../core/zod-issues.ts';

/** A consumer could not read a message (missing/renamed/retyped field): the inbox answers 422 and the bus dead-letters it. */
export class MessageError extends Error {
  readonly details: readonly string[];
  constructor(event: string, details: readonly string[]) {
    super(`${event}: unreadable message (${details.join('; ')})`);
    this.details = details;
  }
}

export interface HandlerOutcome {
  readonly handled: boolean;
  readonly reason?: string;
}

export function readMessage<S extends z.ZodType>(event: string, schema: S, message: unknown): z.infer<S> {
  const parsed = schema.safeParse(message);
  if (!parsed.success) throw new MessageError(event, formatIssues(parsed.error));
  return parsed.data;
}
