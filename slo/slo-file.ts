import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { ConfigError } from '../core/errors.ts';
import { formatIssues } from '../core/zod-issues.ts';
import { ScoreThresholdsSchema, SloFileSchema, type ScoreThresholds, type Slo } from './model.ts';
import { SloDefaultsSchema } from '../core/catalog/slo-schema.ts';
import { importOpenSlo, type ImportOptions } from './openslo/import.ts';
import { isOpenSlo } from './openslo/objects.ts';
import { documentValue, lineOf } from '../core/yaml-doc.ts';

export interface LoadedSlos {
  readonly slos: Slo[];
  readonly thresholds: ScoreThresholds;
  readonly warnings: string[];
  readonly format: 'tracseq' | 'openslo';
}

export const DEFAULT_THRESHOLDS: ScoreThresholds = ScoreThresholdsSchema.parse({});

/** Without a catalog at hand, OpenSLO objects without a timeWindow get the catalog schema's default period. */
const SCHEMA_DEFAULTS: ImportOptions = { defaultWindowDays: () => SloDefaultsSchema.parse({}).windowDays };

/** Parses an SLO file: OpenSLO v1 (detected by apiVersion) or the native `tracseq.slo/v1` format. */
export function parseSloFile(text: string, file: string, options: ImportOptions = SCHEMA_DEFAULTS): LoadedSlos {
  const docs = parseAllDocuments(text, { prettyErrors: false });
  const errors = docs.flatMap((d) => d.errors.map((e) => `${file}:${e.linePos?.[0]?.line ?? lineOf(text, e.pos[0])}: ${e.message.split('\n')[0]}`));
  if (errors.length > 0) throw new ConfigError(`${file}: not valid YAML`, errors);
  const values = docs.map((d) => documentValue(d, file));
  if (isOpenSlo(values)) return { ...importOpenSlo(values, file, options), thresholds: DEFAULT_THRESHOLDS, format: 'openslo' };
  if (values.length !== 1) throw new ConfigError(`${file}: a tracseq.slo/v1 file is one YAML document (found ${values.length})`);
  const parsed = SloFileSchema.safeParse(values[0]);
  if (!parsed.success) {
    const details = formatIssues(parsed.error, file);
    throw new ConfigError(`${file}: invalid SLO file (${details.length} problem${details.length === 1 ? '' : 's'})`, details);
  }
  const ids = new Set<string>();
  const dupes = parsed.data.slos.flatMap((s, i) => (ids.has(s.id) ? [`${file}: slos[${i}].id: duplicate id "${s.id}"`] : (ids.add(s.id), [])));
  if (dupes.length > 0) throw new ConfigError(`${file}: invalid SLO file`, dupes);
  return { slos: parsed.data.slos, thresholds: parsed.data.totalScore, warnings: [], format: 'tracseq' };
}

export function loadSloFile(file: string, options?: ImportOptions): LoadedSlos {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${file}: cannot read SLO file (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  return parseSloFile(text, file, options);
}
