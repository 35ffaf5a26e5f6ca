import { percent } from '../format.ts';
import type { SloInput } from '../model.ts';
import { metricQuery, type MetricContext } from './metric.ts';
import type { Location, Path } from './objects.ts';
import type { Objective, SliSpec, SloObject } from './schema.ts';
import { ratioTimeslices, sliceDuration, thresholdTimeslices, timeslices } from './timeslices.ts';
import type { SloWindow } from './window.ts';

/**
 * One OpenSLO SLO object as SLOs of the model, one per objective (pure but for the findings).
 * Occurrences: a ratioMetric is a ratio SLO (good or bad over total, against target); a
 * thresholdMetric is a threshold SLO (one value over the window against op/value).
 * Timeslices and RatioTimeslices: ratio SLOs over slices (timeslices.ts), against target.
 */
export interface SliAt {
  readonly spec: SliSpec;
  readonly loc: Location;
  readonly path: Path;
}

const OPS = { lte: '<=', lt: '<', gte: '>=', gt: '>' } as const;

type Events = { good?: string; bad?: string; total: string };

function ratioEvents(sli: SliAt, ctx: MetricContext): Events | undefined {
  const r = sli.spec.ratioMetric!;
  const use = r.counter ? 'counter' : 'gauge';
  const q = (part: 'good' | 'bad' | 'total') => metricQuery(r[part]!, use, sli.loc, [...sli.path, 'ratioMetric', part], ctx);
  const side = r.good ? 'good' : 'bad';
  const numerator = q(side);
  const total = q('total');
  return numerator === undefined || total === undefined ? undefined : { [side]: numerator, total };
}

interface ObjectiveContext {
  readonly objective: Objective;
  readonly at: Path;
  readonly loc: Location;
  readonly method: SloObject['spec']['budgetingMethod'];
  readonly events: Events | undefined;
  readonly query: string | undefined;
  readonly ctx: MetricContext;
}

type Sli = SloInput['sli'];

/** Timeslices and RatioTimeslices: ratio SLIs over slices. */
function slicedSli({ objective, at, loc, method, events, query, ctx }: ObjectiveContext): { sli: Sli; how: string } | undefined {
  const { findings } = ctx;
  let complete = true;
  const need = (missing: boolean, path: Path, message: string) => {
    if (missing) complete = findings.problem(loc, path, message) ?? false;
  };
  need(objective.timeSliceWindow === undefined, [...at, 'timeSliceWindow'], `required with budgetingMethod ${method}: the length of a slice, e.g. 1m`);
  need(method === 'Timeslices' && events !== undefined && objective.timeSliceTarget === undefined, [...at, 'timeSliceTarget'],
    'required with budgetingMethod Timeslices: the good/total ratio that makes a slice good');
  need(query !== undefined && (objective.op === undefined || objective.value === undefined), at, 'a thresholdMetric objective needs op and value');
  if (!complete) return undefined;
  const slice = sliceDuration(objective.timeSliceWindow!);
  if (objective.timeSliceTarget !== undefined && (method === 'RatioTimeslices' || query !== undefined)) {
    findings.warn(loc, [...at, 'timeSliceTarget'], method === 'RatioTimeslices'
      ? 'not used: RatioTimeslices averages the slice ratios'
      : 'not used: a thresholdMetric slice has one value, good when it meets op and value');
  }
  if (!events) {
    const op = OPS[objective.op!];
    return { sli: { kind: 'ratio', ...thresholdTimeslices(query!, op, objective.value!, slice) }, how: `share of ${slice} slices whose value is ${op} ${objective.value}` };
  }
  if (method === 'RatioTimeslices') return { sli: { kind: 'ratio', ...ratioTimeslices(events, slice) }, how: `mean good ratio of ${slice} slices` };
  const sliceTarget = objective.timeSliceTarget!;
  return { sli: { kind: 'ratio', ...timeslices(events, slice, sliceTarget) }, how: `share of ${slice} slices with at least ${percent(sliceTarget)} good events` };
}

/** Occurrences: good or bad events over total, or one threshold value over the window. */
function occurrencesSli({ objective, at, loc, events, query, ctx }: ObjectiveContext, target: number | undefined): { sli: Sli; objective: number } | undefined {
  if (events) return target === undefined ? undefined : { sli: { kind: 'ratio', ...events }, objective: target };
  if (objective.op === undefined || objective.value === undefined) return ctx.findings.problem(loc, at, 'a thresholdMetric objective needs op and value');
  if (target !== undefined && target !== 1) {
    ctx.findings.warn(loc, [...at, 'target'], `${target} not used; the evaluator compares one value over the window with ${objective.op} ${objective.value}`);
  }
  return { sli: { kind: 'threshold', op: OPS[objective.op], query: query! }, objective: objective.value };
}

export function convertSlo(object: SloObject, loc: Location, sliAt: SliAt, window: SloWindow, ctx: MetricContext): SloInput[] {
  const { spec, metadata } = object;
  const method = spec.budgetingMethod;
  if (method === 'RatioTimeslices' && sliAt.spec.thresholdMetric) {
    ctx.findings.problem(loc, ['spec', 'budgetingMethod'], 'RatioTimeslices averages the good/total ratio of each slice: it needs a ratioMetric');
    return [];
  }
  const events = sliAt.spec.ratioMetric ? ratioEvents(sliAt, ctx) : undefined;
  const query = sliAt.spec.thresholdMetric ? metricQuery(sliAt.spec.thresholdMetric, 'value', sliAt.loc, [...sliAt.path, 'thresholdMetric'], ctx) : undefined;
  if (!events && query === undefined) return [];
  const key = metadata.annotations?.['tracseq.io/key'] === 'true';
  const weight = Number(metadata.annotations?.['tracseq.io/weight'] ?? 1);
  return spec.objectives.flatMap((objective, i): SloInput[] => {
    const at: Path = ['spec', 'objectives', i];
    if (objective.indicator !== undefined || objective.indicatorRef !== undefined) {
      ctx.findings.problem(loc, [...at, objective.indicator !== undefined ? 'indicator' : 'indicatorRef'], 'composite SLOs (an indicator per objective) are not supported');
      return [];
    }
    const target = objective.target ?? (objective.targetPercent !== undefined ? objective.targetPercent / 100 : undefined);
    if (target === undefined && (events || method !== 'Occurrences')) {
      ctx.findings.problem(loc, [...at, 'target'], method === 'Occurrences'
        ? 'required for a ratioMetric: target (0-1) or targetPercent'
        : `required with budgetingMethod ${method}: the share of good slices (target 0-1 or targetPercent)`);
    }
    const o: ObjectiveContext = { objective, at, loc, method, events, query, ctx };
    const judged = method === 'Occurrences' ? occurrencesSli(o, target) : slicedSli(o);
    if (!judged || (method !== 'Occurrences' && target === undefined)) return [];
    const how = 'how' in judged ? judged.how : undefined;
    const description = [spec.description, how].filter(Boolean).join('; ');
    return [{
      id: `${spec.service}:${metadata.name}${spec.objectives.length > 1 ? `:${i}` : ''}`,
      service: spec.service,
      name: objective.displayName ?? metadata.displayName ?? metadata.name,
      ...(description ? { description } : {}),
      sli: judged.sli,
      objective: 'objective' in judged ? judged.objective : target!,
      windowDays: window.windowDays,
      ...(window.calendar ? { calendar: window.calendar } : {}),
      key,
      weight,
    }];
  });
}
