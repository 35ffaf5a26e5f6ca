import { edgeKey, type Edge } from '../../core/catalog/edges.ts';
import type { Check } from '../../core/result.ts';
import type { Coverage } from './coverage.ts';

function edgeLabel(edge: Edge): string {
  return edge.kind === 'http' ? `${edge.method} ${edge.path}` : `event ${edge.event}`;
}

/** One check per catalog edge (pass: covered by named interactions; fail: uncovered) and one failing check per orphan. */
export function coverageChecks(coverage: Coverage): Check[] {
  const covered = coverage.covered.map(({ edge, interactions }): Check => ({
    id: `contracts.coverage.${edge.consumer}--${edge.provider}.${edge.name}`,
    name: `coverage: ${edgeKey(edge)}`,
    service: `${edge.consumer}->${edge.provider}`,
    outcome: 'pass',
    durationMs: 0,
    detail: { interactions },
  }));
  const uncovered = coverage.uncovered.map((edge): Check => ({
    id: `contracts.coverage.${edge.consumer}--${edge.provider}.${edge.name}`,
    name: `coverage: ${edgeKey(edge)}`,
    service: `${edge.consumer}->${edge.provider}`,
    outcome: 'fail',
    durationMs: 0,
    failure: { kind: 'coverage', message: `catalog edge ${edgeKey(edge)} [${edgeLabel(edge)}] has no pact interaction` },
  }));
  const orphans = coverage.orphans.map((o, i): Check => ({
    id: `contracts.coverage.orphan.${o.consumer}--${o.provider}.${i}`,
    name: `coverage: pact ${o.consumer} -> ${o.provider}${o.description ? `: ${o.description}` : ''}`,
    service: `${o.consumer}->${o.provider}`,
    outcome: 'fail',
    durationMs: 0,
    failure: { kind: 'coverage', message: `${o.description ? `interaction "${o.description}" in ` : ''}${o.source} matches no catalog edge: ${o.reason}` },
  }));
  return [...covered, ...uncovered, ...orphans];
}
