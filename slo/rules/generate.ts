import { eventsOf, type Slo } from '../model.ts';
import { badRatioQuery } from '../plan.ts';
import { withWindow } from '../queries.ts';
import { burnWindows, distinctWindows, type BurnWindow } from '../windows.ts';
import { slothIds } from './sloth-labels.ts';

/**
 * Prometheus rules for SLOs with Sloth's semantics (sloth.dev, prometheus/v1 output): per SLO an
 * SLI recordings group (slo:sli_error:ratio_rate<window> for every alert window plus the period),
 * a metadata group (objective, error budget, burn rates, budget remaining, sloth_slo_info) and a
 * multi-window multi-burn-rate alert (page: quick OR slow pair; ticket: quick OR slow pair).
 * Differences, deliberate: an absent bad-events series counts as 0 (`or vector(0)`), so the error
 * ratio is 0 rather than absent when nothing failed; gauge SLOs without events get a plain
 * threshold alert instead.
 */

export interface Rule { record?: string; alert?: string; expr: string; for?: string; labels?: Record<string, string>; annotations?: Record<string, string> }
export interface RuleGroup { name: string; rules: Rule[] }

const NEGATE = { '<': '>=', '<=': '>', '>': '<=', '>=': '<' } as const;

function alertExpr(metric: (w: string) => string, pair: [BurnWindow, BurnWindow], budget: string): string {
  const cond = (w: BurnWindow, window: string) => `max(${metric(window)} > (${w.factor} * ${budget})) without (sloth_window)`;
  return pair.map((w) => `(\n    ${cond(w, w.shortWindow)}\n    and\n    ${cond(w, w.longWindow)}\n)`).join('\nor\n');
}

export function sloRuleGroups(slo: Slo): RuleGroup[] {
  const ids = slothIds(slo);
  const events = eventsOf(slo);
  if (!events) return slo.sli.kind === 'threshold' ? [thresholdGroup(slo)] : [];
  const period = `${slo.windowDays}d`;
  const windows = burnWindows(slo.windowDays);
  const sliMetric = (w: string) => `slo:sli_error:ratio_rate${w}${ids.selector}`;
  const shortest = distinctWindows(windows)[0]!.text;
  const sli: Rule[] = distinctWindows(windows).map((w) => ({
    record: `slo:sli_error:ratio_rate${w.text}`, expr: badRatioQuery(events, w.text), labels: { ...ids.labels, sloth_window: w.text },
  }));
  sli.push({
    record: `slo:sli_error:ratio_rate${period}`,
    expr: `sum_over_time(${sliMetric(shortest)}[${period}])\n/ ignoring (sloth_window)\ncount_over_time(${sliMetric(shortest)}[${period}])`,
    labels: { ...ids.labels, sloth_window: period },
  });
  const on = 'on(sloth_id, sloth_slo, sloth_service) group_left';
  const meta: Rule[] = [
    { record: 'slo:objective:ratio', expr: `vector(${events.target})`, labels: ids.labels },
    { record: 'slo:error_budget:ratio', expr: `vector(1-${events.target})`, labels: ids.labels },
    { record: 'slo:time_period:days', expr: `vector(${slo.windowDays})`, labels: ids.labels },
    { record: 'slo:current_burn_rate:ratio', expr: `${sliMetric(shortest)}\n/ ${on}\nslo:error_budget:ratio${ids.selector}`, labels: ids.labels },
    { record: 'slo:period_burn_rate:ratio', expr: `${sliMetric(period)}\n/ ${on}\nslo:error_budget:ratio${ids.selector}`, labels: ids.labels },
    { record: 'slo:period_error_budget_remaining:ratio', expr: `1 - slo:period_burn_rate:ratio${ids.selector}`, labels: ids.labels },
    { record: 'sloth_slo_info', expr: 'vector(1)', labels: { ...ids.labels, sloth_mode: 'tracseq-validate', sloth_objective: String(Number((events.target * 100).toPrecision(12))), sloth_spec: 'prometheus/v1' } },
  ];
  const budget = `(1 - ${events.target})`;
  const find = (severity: 'page' | 'ticket', speed: 'quick' | 'slow') => windows.find((w) => w.severity === severity && w.speed === speed)!;
  const alert = (severity: 'page' | 'ticket'): Rule => ({
    alert: ids.alertName,
    expr: alertExpr(sliMetric, [find(severity, 'quick'), find(severity, 'slow')], budget),
    labels: { sloth_severity: severity },
    annotations: {
      summary: '{{$labels.sloth_service}} {{$labels.sloth_slo}} SLO error budget burn rate is over expected.',
      title: `(${severity}) {{$labels.sloth_service}} {{$labels.sloth_slo}} SLO error budget burn rate is too fast.`,
    },
  });
  return [
    { name: `sloth-slo-sli-recordings-${ids.id}`, rules: sli },
    { name: `sloth-slo-meta-recordings-${ids.id}`, rules: meta },
    { name: `sloth-slo-alerts-${ids.id}`, rules: [alert('page'), alert('ticket')] },
  ];
}

/** A gauge SLO (e.g. queue depth < 100): alert when the bound is broken for 5 minutes. */
function thresholdGroup(slo: Slo): RuleGroup {
  const ids = slothIds(slo);
  if (slo.sli.kind !== 'threshold') throw new Error('threshold group for a ratio SLO');
  return {
    name: `tracseq-slo-threshold-alerts-${ids.id}`,
    rules: [{
      alert: ids.alertName.replace(/ErrorBudgetBurn$/, 'ObjectiveBroken'),
      expr: `${withWindow(slo.sli.query, '5m')} ${NEGATE[slo.sli.op]} ${slo.objective}`,
      for: '5m',
      labels: { ...ids.labels, sloth_severity: 'ticket' },
      annotations: { summary: `{{$labels.sloth_service}} ${slo.name}: ${slo.sli.op} ${slo.objective} broken for 5m` },
    }],
  };
}

export function ruleGroups(slos: readonly Slo[]): { groups: RuleGroup[] } {
  return { groups: slos.flatMap(sloRuleGroups) };
}
