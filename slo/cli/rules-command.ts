import { writeFileSync } from 'node:fs';
import { catalogPath, loadCatalog } from '../../core/catalog/load.ts';
import { resolveCatalog, selectServices } from '../../core/catalog/resolve.ts';
import { ConfigError } from '../../core/errors.ts';
import { catalogSlos } from '../catalog-slos.ts';
import { loadSloFile } from '../slo-file.ts';
import { rulesYaml } from '../rules/write-rules.ts';

export interface RulesFlags { out?: string; sloFile?: string; env: string; services?: string; serviceLabel?: string }

/** `slo rules`: Prometheus recording and multi-window multi-burn-rate alerting rules for the SLOs. */
export function rulesCommand(flags: RulesFlags, catalog: string | undefined): void {
  const defaultWindowDays = () => loadCatalog(catalogPath(catalog)).sloDefaults.windowDays;
  const slos = flags.sloFile
    ? loadSloFile(flags.sloFile, { defaultWindowDays }).slos
    : catalogSlos(selectServices(resolveCatalog(loadCatalog(catalogPath(catalog)), flags.env), flags.services?.split(',').map((s) => s.trim())), { serviceLabel: flags.serviceLabel });
  for (const s of slos.filter((slo) => slo.calendar)) {
    process.stderr.write(`warning: ${s.id}: calendar ${s.calendar!.duration} period; Prometheus rules have no calendar, so they use a rolling ${s.windowDays}d window\n`);
  }
  const source = flags.sloFile ?? 'the service catalog';
  const text = rulesYaml(slos, source);
  if (!flags.out) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(flags.out, text);
  } catch (err) {
    throw new ConfigError(`--out: cannot write ${flags.out} (${(err as NodeJS.ErrnoException).code ?? 'unwritable'})`);
  }
  process.stderr.write(`${flags.out}: rules for ${slos.length} SLOs (check with: promtool check rules ${flags.out})\n`);
}
