import { z } from 'zod';

/** What the event bus delivers to a subscriber's inbox: the producer's payload wrapped with routing data. */
export const EnvelopeSchema = z.object({
  id: z.string().min(1),
  topic: z.string().min(1),
  source: z.string().optional(),
  published_at: z.string().min(1),
  payload: z.unknown(),
});
export type Envelope = z.infer<typeof EnvelopeSchema>;

/** Producer options: `drift` renames or retypes a field, as the drift fault asks. */
export interface ProduceOptions {
  readonly drift?: boolean;
  readonly now?: () => Date;
}

export function isoNow(options: ProduceOptions): string {
  return (options.now?.() ?? new Date()).toISOString();
}
