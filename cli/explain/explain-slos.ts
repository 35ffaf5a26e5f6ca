import { resolveSlos } from '../../core/catalog/resolve.ts';
import type { Catalog, Service } from '../../core/catalog/schema.ts';
import type { CatalogObjective } from '../../core/catalog/slo-schema.ts';
import { serviceSlos } from '../../slo/catalog-slos.ts';
import { objectiveText } from '../../slo/format.ts';
import type { Slo } from '../../slo/model.ts';
import { inline } from './words.ts';

function query(slo: Slo): string {
  if (slo.sli.kind === 'threshold') return `${slo.sli.query} ${objectiveText(slo)}`;
  const counted = slo.sli.good !== undefined ? `good ${slo.sli.good}` : `bad ${slo.sli.bad}`;
  return `target ${objectiveText(slo)}: ${counted} over total ${slo.sli.total}`;
}

function flags(o: CatalogObjective, windowDays: number): string {
  return [
    o.ratio ? 'ratio' : 'threshold',
    `key ${o.key}${o.key ? ' (a failure fails the gate)' : ''}`,
    `weight ${o.weight}`,
    o.window ? `window ${o.window} (its error-budget period)` : `windowDays ${windowDays}`,
    ...(o.relative.length > 0 ? [`relative ${inline(o.relative)} (against stored evaluations)`] : []),
  ].join(', ');
}

/** A service's SLOs as the SLO suite will query them: the shorthands (unless switched off), then its objectives, templates filled in. */
export function explainSlos(service: Service, catalog: Catalog): string[] {
  const slos = resolveSlos(catalog, service);
  const expanded = serviceSlos({ service, slos, baseUrl: undefined, urlSource: undefined }, catalog.metrics);
  const shorthands = expanded.slice(0, expanded.length - slos.objectives.length);
  const head = slos.shorthands
    ? `  slos.shorthands: on: ${shorthands.map((s) => `${s.name} ${objectiveText(s)}`).join(', ')} (from availability ${slos.availability}, errorRate ${slos.errorRate}, latencyP95Ms ${slos.latencyP95Ms}, latencyP99Ms ${slos.latencyP99Ms}); e.g. ${query(shorthands[0]!)}`
    : `  slos.shorthands: off: no availability, error-rate or latency objective from ${catalog.metrics.requests}; its SLOs are its objectives${slos.objectives.length === 0 ? ' (none: the SLO suite does not judge it)' : ''}`;
  const objectives = slos.objectives.map((o, j) => {
    const slo = expanded[shorthands.length + j]!;
    return `  slos.objectives[${j}] ${o.name} (${flags(o, slos.windowDays)}): ${query(slo)}`;
  });
  return [head, ...objectives];
}
