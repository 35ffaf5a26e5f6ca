import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { ConfigError } from '../../core/errors.ts';
import { objectiveText } from '../format.ts';
import { catalogPath, loadCatalog } from '../../core/catalog/load.ts';
import { loadSloFile } from '../slo-file.ts';

/**
 * `slo import FILE [--out FILE]`: validates an OpenSLO v1 (or native) file and prints or writes the
 * native `tracseq.slo/v1` form: the SLOs of the model, which is what the catalog's objectives and
 * shorthands expand into, and what `slo evaluate --slo-file` and `slo rules --slo-file` read.
 * OpenSLO objects without a timeWindow get the catalog's sloDefaults.windowDays.
 */
export function importCommand(file: string, out: string | undefined, catalog: string | undefined): void {
  const loaded = loadSloFile(file, { defaultWindowDays: () => loadCatalog(catalogPath(catalog)).sloDefaults.windowDays });
  for (const w of loaded.warnings) process.stderr.write(`warning: ${w}\n`);
  const native = { apiVersion: 'tracseq.slo/v1', totalScore: loaded.thresholds, slos: loaded.slos };
  const yaml = `# Imported from ${file} (${loaded.format}) by tracseq-validate slo import\n${stringify(native, { lineWidth: 0, aliasDuplicateObjects: false })}`;
  if (out) {
    try {
      writeFileSync(out, yaml);
    } catch (err) {
      throw new ConfigError(`--out: cannot write ${out} (${(err as NodeJS.ErrnoException).code ?? 'unwritable'})`);
    }
  } else {
    process.stdout.write(yaml);
  }
  const period = (s: (typeof loaded.slos)[number]) => (s.calendar ? `calendar ${s.calendar.duration} from ${s.calendar.startTime} ${s.calendar.timeZone}` : `window ${s.windowDays}d`);
  const lines = loaded.slos.map((s) => `  ${s.id}  ${s.sli.kind}  ${objectiveText(s)}  ${period(s)}${s.key ? '  key' : ''}`);
  process.stderr.write(`${file}: ${loaded.slos.length} SLO(s) imported (${loaded.format})${out ? ` -> ${out}` : ''}\n${lines.join('\n')}\n`);
}
