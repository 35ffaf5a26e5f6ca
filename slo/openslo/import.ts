import { ConfigError } from '../../core/errors.ts';
import { SloSchema, type Slo } from '../model.ts';
import { convertSlo, type SliAt } from './convert.ts';
import { fieldPath } from '../../core/zod-issues.ts';
import { Findings, issueLines, lineAt, locate, type Located, type Location } from './objects.ts';
import { DataSourceObjectSchema, SliObjectSchema, SloObjectSchema, type SloObject } from './schema.ts';
import { sloWindow } from './window.ts';

/**
 * Imports OpenSLO v1 (single objects, lists of objects, several YAML documents) into the SLO
 * model: SLO objects, with their SLI inline or by `indicatorRef` to an SLI object of the file,
 * and DataSource objects for sources given by `metricSourceRef`. Other kinds (Service,
 * AlertPolicy, ...) are skipped with a warning. Every problem names the file, the document and
 * the field; they are reported together (exit 2).
 */
export interface Imported {
  readonly slos: Slo[];
  readonly warnings: string[];
}

export interface ImportOptions {
  /** The rolling period for SLOs without a timeWindow: the catalog's sloDefaults.windowDays. */
  readonly defaultWindowDays: () => number;
}

const SKIPPED = new Set(['Service', 'AlertPolicy', 'AlertCondition', 'AlertNotificationTarget']);

interface Parsed {
  readonly slos: { object: SloObject; loc: Location }[];
  readonly slis: Map<string, SliAt>;
  readonly dataSources: Map<string, string>;
  /** Names of SLI objects that failed to parse: their own problems are reported, not a missing reference. */
  readonly brokenSlis: Set<string>;
}

function parseObjects(objects: readonly Located[], file: string, findings: Findings): Parsed {
  const parsed: Parsed = { slos: [], slis: new Map(), dataSources: new Map(), brokenSlis: new Set() };
  for (const { value, loc } of objects) {
    const raw = (typeof value === 'object' && value !== null ? value : {}) as { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown } };
    if (raw.apiVersion !== 'openslo/v1') {
      findings.problem(loc, ['apiVersion'], raw.apiVersion === undefined ? 'required: openslo/v1' : `${String(raw.apiVersion)} is not supported (only openslo/v1)`);
      continue;
    }
    const kind = raw.kind;
    const schema = kind === 'SLO' ? SloObjectSchema : kind === 'SLI' ? SliObjectSchema : kind === 'DataSource' ? DataSourceObjectSchema : undefined;
    if (!schema) {
      if (typeof kind === 'string' && SKIPPED.has(kind)) findings.warnings.push(`${loc.where}: ${loc.path.length ? `[${loc.path[0]}]: ` : ''}kind ${kind} skipped`);
      else findings.problem(loc, ['kind'], kind === undefined ? 'required: SLO, SLI or DataSource' : `"${String(kind)}" is not an OpenSLO v1 kind`);
      continue;
    }
    const result = schema.safeParse(value);
    if (!result.success) {
      findings.problems.push(...issueLines(result.error, loc));
      if (kind === 'SLI' && typeof raw.metadata?.name === 'string') parsed.brokenSlis.add(raw.metadata.name);
      continue;
    }
    const object = result.data;
    const name = object.metadata.name;
    if (object.kind === 'SLO') parsed.slos.push({ object, loc });
    else if (object.kind === 'SLI') {
      if (parsed.slis.has(name)) findings.problem(loc, ['metadata', 'name'], `another SLI in ${file} is also named "${name}"`);
      parsed.slis.set(name, { spec: object.spec, loc, path: ['spec'] });
    } else parsed.dataSources.set(name, object.spec.type);
  }
  return parsed;
}

function indicatorOf({ object, loc }: Parsed['slos'][number], parsed: Parsed, file: string, findings: Findings): SliAt | undefined {
  const { indicator, indicatorRef } = object.spec;
  if (indicator && indicatorRef !== undefined) return findings.problem(loc, ['spec', 'indicatorRef'], 'give indicator or indicatorRef, not both');
  if (indicator) return { spec: indicator.spec, loc, path: ['spec', 'indicator', 'spec'] };
  if (indicatorRef === undefined) return findings.problem(loc, ['spec', 'indicator'], 'required: an inline indicator, or indicatorRef naming an SLI in the file');
  const found = parsed.slis.get(indicatorRef);
  if (!found && !parsed.brokenSlis.has(indicatorRef)) findings.problem(loc, ['spec', 'indicatorRef'], `no SLI named "${indicatorRef}" in ${file}`);
  return found;
}

export function importOpenSlo(docs: readonly unknown[], file: string, options: ImportOptions): Imported {
  const findings = new Findings();
  const parsed = parseObjects(locate(docs, file), file, findings);
  const ctx = { file, dataSources: parsed.dataSources, findings };
  const inputs = parsed.slos.flatMap((entry) => {
    const sli = indicatorOf(entry, parsed, file, findings);
    const window = sloWindow(entry.object.spec.timeWindow?.[0], options.defaultWindowDays, entry.loc, findings);
    // Converted even when the window is wrong, so that the objectives' problems are reported too.
    const converted = sli ? convertSlo(entry.object, entry.loc, sli, window ?? { windowDays: 1 }, ctx) : [];
    return window ? converted.map((input) => ({ input, loc: entry.loc })) : [];
  });
  const slos = inputs.flatMap(({ input, loc }) => {
    const result = SloSchema.safeParse(input);
    if (!result.success) findings.problems.push(...result.error.issues.map((i) => lineAt(loc, ['spec'], `not a valid SLO once imported: ${fieldPath(i.path)}: ${i.message}`)));
    return result.success ? [result.data] : [];
  });
  const seen = new Set<string>();
  for (const { input, loc } of inputs) {
    if (seen.has(input.id)) findings.problem(loc, ['metadata', 'name'], `another SLO of service ${input.service} is also named "${input.id.split(':')[1]}"`);
    seen.add(input.id);
  }
  const { problems, warnings } = findings;
  if (problems.length > 0) throw new ConfigError(`${file}: invalid OpenSLO (${problems.length} problem${problems.length === 1 ? '' : 's'})`, problems);
  if (slos.length === 0) throw new ConfigError(`${file}: no SLO objects (kind: SLO)`);
  return { slos, warnings };
}
