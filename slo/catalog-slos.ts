import type { ResolvedCatalog, ResolvedService } from '../core/catalog/resolve.ts';
import type { CatalogObjective, MetricConventions } from '../core/catalog/slo-schema.ts';
import { SloSchema, type Slo, type SloInput } from './model.ts';
import { renderTemplate, type TemplateContext } from './queries.ts';
import { shorthandObjectives } from './shorthands.ts';

export interface CatalogSloOptions {
  /** Overrides the catalog's `metrics.labels.service` (the `--service-label` flag). */
  readonly serviceLabel?: string | undefined;
}

/** One catalog objective as an SLO of the model, its templates rendered for the service (pure). */
export function objectiveSlo(objective: CatalogObjective, context: TemplateContext, windowDays: number): Slo {
  const render = (text: string) => renderTemplate(text, context);
  const events = (e: { good?: string | undefined; bad?: string | undefined; total: string }) =>
    ({ ...(e.good !== undefined ? { good: render(e.good) } : { bad: render(e.bad!) }), total: render(e.total) });
  const { ratio, threshold } = objective;
  const input: SloInput = {
    id: `${context.service}:${objective.name}`,
    service: context.service,
    name: objective.name,
    ...(objective.description !== undefined ? { description: objective.description } : {}),
    ...(ratio
      ? { sli: { kind: 'ratio', ...events(ratio) }, objective: ratio.target, display: ratio.display, ...(ratio.warning !== undefined ? { warning: ratio.warning } : {}) }
      : {
        sli: {
          kind: 'threshold', query: render(threshold!.query), op: threshold!.op, unit: threshold!.unit,
          ...(threshold!.budget ? { budget: { ...events(threshold!.budget), target: threshold!.budget.target } } : {}),
        },
        objective: threshold!.value,
        ...(threshold!.warning !== undefined ? { warning: threshold!.warning } : {}),
      }),
    relative: objective.relative,
    weight: objective.weight,
    key: objective.key,
    windowDays: objective.window ? periodDays(objective.window) : windowDays,
  };
  return SloSchema.parse(input);
}

/** `30d` -> 30, `4w` -> 28 (the schema allows only these two units). */
function periodDays(window: string): number {
  return Number(window.slice(0, -1)) * (window.endsWith('w') ? 7 : 1);
}

/** The SLOs of one catalog service: the shorthands' objectives (unless `shorthands: false`), then its own objectives, in order. */
export function serviceSlos(resolved: ResolvedService, metrics: MetricConventions, options: CatalogSloOptions = {}): Slo[] {
  const { service, slos } = resolved;
  const labels = options.serviceLabel ? { ...metrics.labels, service: options.serviceLabel } : metrics.labels;
  const context: TemplateContext = { service: service.id, metrics: { ...metrics, labels } };
  return [...(slos.shorthands ? shorthandObjectives(slos, metrics) : []), ...slos.objectives].map((o) => objectiveSlo(o, context, slos.windowDays));
}

/** Every http service's SLOs, in catalog order. */
export function catalogSlos(resolved: ResolvedCatalog, options: CatalogSloOptions = {}): Slo[] {
  return resolved.services.filter((s) => s.service.kind === 'http').flatMap((s) => serviceSlos(s, resolved.catalog.metrics, options));
}
