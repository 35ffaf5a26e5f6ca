import type { Slo } from '../model.ts';

/** Sloth's identifying labels and names for one SLO. */
export interface SlothIds {
  readonly id: string;
  readonly labels: Readonly<Record<string, string>>;
  /** `{sloth_id="...", sloth_service="...", sloth_slo="..."}` */
  readonly selector: string;
  readonly alertName: string;
}

const pascal = (text: string) => text.split(/[^a-zA-Z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');

export function slothIds(slo: Slo): SlothIds {
  const id = `${slo.service}-${slo.name}`.replace(/[^a-zA-Z0-9_-]+/g, '-');
  const labels = { sloth_id: id, sloth_service: slo.service, sloth_slo: slo.name };
  const selector = `{${Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/"/g, '\\"')}"`).join(', ')}}`;
  return { id, labels, selector, alertName: `${pascal(slo.service)}${pascal(slo.name)}ErrorBudgetBurn` };
}
