import { parseAllDocuments } from 'yaml';
import { ConfigError } from '../core/errors.ts';
import { formatIssues } from '../core/zod-issues.ts';
import { SloSchema, type Slo, type SloInput } from './model.ts';
import { SliDocSchema, SloDocSchema, type MetricSourceHolder, type Objective, type SliSpec, type SloDoc } from './openslo-schema.ts';
import { documentValue, lineOf } from '../core/yaml-doc.ts';

/**
 * Imports OpenSLO v1 YAML (one or more documents: SLO, SLI; other kinds are skipped with a
 * warning) into the SLO model. Every problem names the file, the document and the field.
 */
export interface Imported {
  readonly slos: Slo[];
  readonly warnings: string[];
}

const OPS = { lte: '<=', lt: '<', gte: '>=', gt: '>' } as const;
const PLAIN_SELECTOR = /^\s*[a-zA-Z_:][a-zA-Z0-9_:]*\s*(\{[^{}]*\})?\s*$/;

export function isOpenSlo(docs: readonly unknown[]): boolean {
  return docs.some((d) => typeof d === 'object' && d !== null && String((d as { apiVersion?: unknown }).apiVersion ?? '').startsWith('openslo/'));
}

function windowDays(duration: string, where: string): number {
  const n = Number(duration.slice(0, -1));
  const unit = duration.slice(-1);
  const days = unit === 'd' ? n : unit === 'w' ? n * 7 : unit === 'h' && n % 24 === 0 ? n / 24 : undefined;
  if (!days) throw new ConfigError(`${where}: time window ${duration} is not a whole number of days or weeks (M, Q, Y calendar windows are not supported)`);
  return days;
}

/** A counter selector is evaluated as its increase over the window; other queries must carry {{window}} or are used as they are. */
function query(holder: MetricSourceHolder, counter: boolean, where: string, warnings: string[]): string {
  const q = holder.metricSource.spec.query;
  if (/\{\{\s*\.?window\s*\}\}/.test(q)) return q;
  if (counter && PLAIN_SELECTOR.test(q)) return `sum(increase(${q.trim()}[{{window}}]))`;
  warnings.push(`${where}: query has no {{window}}; it is evaluated as written, over its own range, not over --window`);
  return q;
}

function toSlo(doc: SloDoc, sli: SliSpec, where: string, warnings: string[]): Slo[] {
  const { spec, metadata } = doc;
  const days = windowDays(spec.timeWindow[0]!.duration, `${where}: spec.timeWindow[0].duration`);
  if (!spec.timeWindow[0]!.isRolling) warnings.push(`${where}: calendar window evaluated as a rolling ${days}d window`);
  const key = metadata.annotations?.['tracseq.io/key'] === 'true';
  const weight = Number(metadata.annotations?.['tracseq.io/weight'] ?? 1);
  return spec.objectives.map((objective: Objective, i) => {
    const at = `${where}: spec.objectives[${i}]`;
    const id = `${spec.service}:${metadata.name}${spec.objectives.length > 1 ? `:${i}` : ''}`;
    const base = { id, service: spec.service, name: objective.displayName ?? metadata.displayName ?? metadata.name, windowDays: days, key, weight, ...(spec.description ? { description: spec.description } : {}) };
    const target = objective.target ?? (objective.targetPercent !== undefined ? objective.targetPercent / 100 : undefined);
    let input: SloInput;
    if (sli.ratioMetric) {
      if (target === undefined) throw new ConfigError(`${at}.target: a ratioMetric objective needs target (0-1) or targetPercent`);
      const r = sli.ratioMetric;
      const sliWhere = `${where}: indicator.spec.ratioMetric`;
      input = { ...base, objective: target, sli: {
        kind: 'ratio',
        ...(r.good ? { good: query(r.good, r.counter, `${sliWhere}.good`, warnings) } : { bad: query(r.bad!, r.counter, `${sliWhere}.bad`, warnings) }),
        total: query(r.total, r.counter, `${sliWhere}.total`, warnings),
      } };
    } else {
      if (objective.op === undefined || objective.value === undefined) throw new ConfigError(`${at}: a thresholdMetric objective needs op and value`);
      if (target !== undefined && target !== 1) warnings.push(`${at}.target: ${target} not used; the evaluator compares one value over the window with ${objective.op} ${objective.value}`);
      input = { ...base, objective: objective.value, sli: { kind: 'threshold', op: OPS[objective.op], query: query(sli.thresholdMetric!, false, `${where}: indicator.spec.thresholdMetric`, warnings) } };
    }
    const parsed = SloSchema.safeParse(input);
    if (!parsed.success) throw new ConfigError(`${at}: not a valid SLO`, formatIssues(parsed.error, at));
    return parsed.data;
  });
}

export function importOpenSlo(text: string, file: string): Imported {
  const docs = parseAllDocuments(text, { prettyErrors: false });
  const yamlErrors = docs.flatMap((d) => d.errors.map((e) => `${file}:${e.linePos?.[0]?.line ?? lineOf(text, e.pos[0])}: ${e.message.split('\n')[0]}`));
  if (yamlErrors.length > 0) throw new ConfigError(`${file}: not valid YAML`, yamlErrors);
  const values = docs.map((d) => documentValue(d, file));
  const warnings: string[] = [];
  const problems: string[] = [];
  const slis = new Map<string, SliSpec>();
  const sloDocs: { doc: SloDoc; where: string }[] = [];
  values.forEach((value, i) => {
    const where = values.length > 1 ? `${file} (document ${i + 1})` : file;
    const kind = (value as { kind?: unknown } | null)?.kind;
    if (kind === 'SLI') {
      const p = SliDocSchema.safeParse(value);
      if (p.success) slis.set(p.data.metadata.name, p.data.spec); else problems.push(...formatIssues(p.error, where));
    } else if (kind === 'SLO' || kind === undefined) {
      const p = SloDocSchema.safeParse(value);
      if (p.success) sloDocs.push({ doc: p.data, where }); else problems.push(...formatIssues(p.error, where));
    } else {
      warnings.push(`${where}: kind ${String(kind)} skipped`);
    }
  });
  if (problems.length > 0) throw new ConfigError(`${file}: invalid OpenSLO (${problems.length} problem${problems.length === 1 ? '' : 's'})`, problems);
  const slos = sloDocs.flatMap(({ doc, where }) => {
    const sli = doc.spec.indicator?.spec ?? slis.get(doc.spec.indicatorRef!);
    if (!sli) throw new ConfigError(`${where}: spec.indicatorRef: no SLI named "${doc.spec.indicatorRef}" in ${file}`);
    return toSlo(doc, sli, where, warnings);
  });
  if (slos.length === 0) throw new ConfigError(`${file}: no SLO documents (kind: SLO)`);
  return { slos, warnings };
}
