import type { Edge } from '../../core/catalog/edges.ts';

/** What coverage needs to know about one interaction of a pact (from a file, or from a broker's verification output). */
export interface InteractionSummary {
  readonly description: string;
  /** Unknown when only the verification output was seen (broker mode). */
  readonly kind?: 'http' | 'message';
  readonly method?: string;
  readonly path?: string;
}

export interface PactSummary {
  readonly consumer: string;
  readonly provider: string;
  /** The file or broker URL the pact came from (named in orphan messages). */
  readonly source: string;
  readonly interactions: readonly InteractionSummary[];
}

export interface Orphan {
  readonly consumer: string;
  readonly provider: string;
  readonly source: string;
  /** undefined: the whole pact has no catalog edge. */
  readonly description?: string;
  readonly reason: string;
}

export interface Coverage {
  readonly covered: readonly { edge: Edge; interactions: readonly string[] }[];
  readonly uncovered: readonly Edge[];
  readonly orphans: readonly Orphan[];
  /** Pacts whose consumer is not a catalog service (a UI, another team's service): verified, not counted. */
  readonly outside: readonly PactSummary[];
}

/**
 * The edge an interaction claims to cover: its description starts with `<edge name>: ` (the edge name is
 * the catalog dependency name for HTTP calls, the event name for messages).
 */
export function claimedEdgeName(description: string): string | undefined {
  const at = description.indexOf(': ');
  return at > 0 ? description.slice(0, at) : undefined;
}

/** `/api/v1/samples/{id}` matches `/api/v1/samples/S-1` (one path segment per placeholder). */
export function pathMatchesTemplate(template: string, path: string): boolean {
  const pattern = template.split(/\{[^}/]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('[^/]+');
  return new RegExp(`^${pattern}$`).test(path.split('?')[0] ?? path);
}

function mismatch(edge: Edge, i: InteractionSummary): string | undefined {
  if (i.kind !== undefined && i.kind !== edge.kind) return `is a ${i.kind} interaction but edge "${edge.name}" is ${edge.kind}`;
  if (edge.kind !== 'http' || i.method === undefined || i.path === undefined) return undefined;
  if (i.method.toUpperCase() !== edge.method.toUpperCase() || !pathMatchesTemplate(edge.path, i.path)) {
    return `requests ${i.method} ${i.path} but edge "${edge.name}" is ${edge.method} ${edge.path}`;
  }
  return undefined;
}

/**
 * The one HTTP edge of a pair whose method and path template an interaction's request matches (pacts
 * written by other Pact implementations rarely start their descriptions with the edge name).
 */
function edgeByRequest(pairEdges: readonly Edge[], i: InteractionSummary): Edge | undefined {
  if (i.kind !== 'http' || i.method === undefined || i.path === undefined) return undefined;
  const matching = pairEdges.filter((e) => e.kind === 'http' && e.method.toUpperCase() === i.method!.toUpperCase() && pathMatchesTemplate(e.path, i.path!));
  return matching.length === 1 ? matching[0] : undefined;
}

/**
 * Every catalog edge must have at least one interaction, and every pact of a catalog consumer and each of
 * its interactions must belong to an edge: the one its description names (`<edge name>: ...`), else, for an
 * HTTP interaction, the one edge its request matches. A pact whose consumer is not among `services` covers no edge and
 * is no orphan: it is listed as outside the catalog. Pure: the caller loads pacts and the catalog.
 */
export function checkCoverage(edges: readonly Edge[], pacts: readonly PactSummary[], services: readonly string[]): Coverage {
  const hits = new Map<Edge, string[]>(edges.map((e) => [e, []]));
  const orphans: Orphan[] = [];
  const outside = pacts.filter((p) => !services.includes(p.consumer));
  for (const pact of pacts.filter((p) => services.includes(p.consumer))) {
    const pairEdges = edges.filter((e) => e.consumer === pact.consumer && e.provider === pact.provider);
    const base = { consumer: pact.consumer, provider: pact.provider, source: pact.source };
    if (pairEdges.length === 0) {
      orphans.push({ ...base, reason: `the catalog has no dependency edge from ${pact.consumer} to ${pact.provider}` });
      continue;
    }
    for (const interaction of pact.interactions) {
      const name = claimedEdgeName(interaction.description);
      const edge = pairEdges.find((e) => e.name === name) ?? edgeByRequest(pairEdges, interaction);
      if (!edge) {
        const known = pairEdges.map((e) => e.name).join(', ');
        orphans.push({ ...base, description: interaction.description, reason: name === undefined ? `description does not start with "<edge name>: " (edges: ${known})` : `names edge "${name}", which ${pact.consumer} -> ${pact.provider} does not have (edges: ${known})` });
        continue;
      }
      const why = mismatch(edge, interaction);
      if (why) orphans.push({ ...base, description: interaction.description, reason: why });
      else hits.get(edge)?.push(interaction.description);
    }
  }
  const covered = [...hits].filter(([, list]) => list.length > 0).map(([edge, interactions]) => ({ edge, interactions }));
  const uncovered = [...hits].filter(([, list]) => list.length === 0).map(([edge]) => edge);
  return { covered, uncovered, orphans, outside };
}
