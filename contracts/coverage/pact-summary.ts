import type { LoadedPact } from '../pact/pact-file.ts';
import type { PactSummary } from './coverage.ts';

/** What coverage reads from a loaded pact file: each interaction's description, kind, and HTTP method/path. */
export function summarizePact(loaded: LoadedPact): PactSummary {
  const { pact, file } = loaded;
  return {
    consumer: pact.consumer.name,
    provider: pact.provider.name,
    source: file,
    interactions: pact.interactions.map((i) =>
      i.type === 'Synchronous/HTTP'
        ? { description: i.description, kind: 'http' as const, method: i.request.method, path: i.request.path }
        : { description: i.description, kind: 'message' as const },
    ),
  };
}
