import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ConfigError } from '../../core/errors.ts';
import { formatIssues } from '../../core/zod-issues.ts';

/**
 * The parts of a Pact V4 file the harness reads (everything else passes through untouched).
 * Only V4 files are accepted: the consumer tests write V4, and coverage needs each interaction's type.
 */
const ProviderState = z.looseObject({ name: z.string().min(1), params: z.record(z.string(), z.unknown()).optional() });

const HttpInteraction = z.looseObject({
  type: z.literal('Synchronous/HTTP'),
  description: z.string().min(1),
  providerStates: z.array(ProviderState).default([]),
  request: z.looseObject({ method: z.string().min(1), path: z.string().startsWith('/') }),
  response: z.looseObject({ status: z.number().int() }),
});

const MessageInteraction = z.looseObject({
  type: z.literal('Asynchronous/Messages'),
  description: z.string().min(1),
  providerStates: z.array(ProviderState).default([]),
  contents: z.looseObject({}),
});

const Interaction = z.discriminatedUnion('type', [HttpInteraction, MessageInteraction]);

export const PactFileSchema = z.looseObject({
  consumer: z.looseObject({ name: z.string().min(1) }),
  provider: z.looseObject({ name: z.string().min(1) }),
  interactions: z.array(Interaction).min(1, 'a pact needs at least one interaction'),
  metadata: z.looseObject({
    pactSpecification: z.looseObject({ version: z.string().startsWith('4', 'must be a V4 pact (4.x)') }),
  }),
});

export type PactFile = z.infer<typeof PactFileSchema>;
export type PactInteraction = z.infer<typeof Interaction>;

/** A parsed pact file with where it came from and a content hash. */
export interface LoadedPact {
  readonly file: string;
  readonly pact: PactFile;
  /** sha256 of the canonical JSON of consumer, provider and interactions (metadata ignored). */
  readonly hash: string;
}

/** Parses pact text: JSON, then the V4 schema. Errors name the file and every bad field. */
export function parsePactFile(text: string, file: string): LoadedPact {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = PactFileSchema.safeParse(json);
  if (!parsed.success) {
    const details = formatIssues(parsed.error, file);
    throw new ConfigError(`${file}: not a valid Pact V4 file (${details.length} problem${details.length === 1 ? '' : 's'})`, details);
  }
  const { consumer, provider, interactions } = parsed.data;
  return { file, pact: parsed.data, hash: contentHash({ consumer, provider, interactions }) };
}

/** sha256 over JSON with object keys sorted, so equal content hashes equally however it was written. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
