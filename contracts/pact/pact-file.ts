import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ConfigError } from '../../core/errors.ts';
import { checkWith, parseJson } from '../../core/read-file.ts';
import { LegacyPactSchema, V4PactSchema, type LegacyPact, type LegacyStates } from './pact-schemas.ts';
import { specVersion } from './spec-version.ts';

export interface ProviderState {
  readonly name: string;
  readonly params?: Readonly<Record<string, unknown>> | undefined;
}

/** One interaction of a pact of any specification version, in the V4 model. */
export type PactInteraction =
  | { readonly type: 'Synchronous/HTTP'; readonly description: string; readonly providerStates: readonly ProviderState[]; readonly request: { readonly method: string; readonly path: string } }
  | { readonly type: 'Asynchronous/Messages'; readonly description: string; readonly providerStates: readonly ProviderState[] };

/** What the harness reads from a pact file: who, and each interaction (HTTP or message). */
export interface PactFile {
  readonly consumer: { readonly name: string };
  readonly provider: { readonly name: string };
  readonly interactions: readonly PactInteraction[];
}

/** A parsed pact file with where it came from and a content hash. */
export interface LoadedPact {
  readonly file: string;
  readonly pact: PactFile;
  /** sha256 of the canonical JSON of consumer, provider, interactions and messages (metadata ignored). */
  readonly hash: string;
}

const PACT_KEYS = ['consumer', 'provider', 'interactions', 'messages'];

function legacyStates(i: LegacyStates): ProviderState[] {
  if (i.providerStates) return i.providerStates.map((s) => ({ name: s.name, ...(s.params ? { params: s.params } : {}) }));
  const one = i.providerState ?? i.provider_state;
  return one ? [{ name: one }] : [];
}

function fromLegacy(p: LegacyPact): PactFile {
  return {
    consumer: { name: p.consumer.name },
    provider: { name: p.provider.name },
    interactions: [
      ...p.interactions.map((i): PactInteraction => ({ type: 'Synchronous/HTTP', description: i.description, providerStates: legacyStates(i), request: { method: i.request.method, path: i.request.path } })),
      ...p.messages.map((m): PactInteraction => ({ type: 'Asynchronous/Messages', description: m.description, providerStates: legacyStates(m) })),
    ],
  };
}

/**
 * Parses pact text of any specification version the Pact verifier reads (V1 to V4): JSON, the version
 * from the metadata, then that version's schema. Errors (exit 2) name the file: text that is not JSON,
 * JSON that is not a pact, an unknown specification version, and every bad field.
 */
export function parsePactFile(text: string, file: string): LoadedPact {
  const json = parseJson(text, z.unknown(), file, 'pact file');
  if (!json || typeof json !== 'object' || Array.isArray(json) || !PACT_KEYS.some((k) => k in json)) {
    throw new ConfigError(`${file}: not a pact file (no consumer, provider, interactions or messages)`);
  }
  const raw = json as Record<string, unknown>;
  const { major } = specVersion(raw, file);
  const what = `Pact V${major} file`;
  const pact = major === 4 ? checkWith(V4PactSchema, raw, file, what) : fromLegacy(checkWith(LegacyPactSchema, raw, file, what));
  const { consumer, provider, interactions, messages } = raw;
  return { file, pact, hash: contentHash({ consumer, provider, interactions, messages }) };
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
