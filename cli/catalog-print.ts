import { catalogPath, loadCatalog } from '../core/catalog/load.ts';
import { resolveCatalog } from '../core/catalog/resolve.ts';
import type { RunIo } from '../core/run/io.ts';

export function printCatalog(file: string | undefined, env: string, json: boolean, io: Pick<RunIo, 'out' | 'env'>): void {
  const resolved = resolveCatalog(loadCatalog(catalogPath(file, io.env)), env, io.env);
  if (json) {
    io.out(`${JSON.stringify(resolved, null, 2)}\n`);
    return;
  }
  const rows = resolved.services.map((s) => [
    s.service.id,
    s.service.kind,
    s.baseUrl ?? '(none in this env)',
    s.service.dependencies.http.map((d) => d.to).filter((v, i, a) => a.indexOf(v) === i).join(',') || '-',
  ]);
  const header = ['service', 'kind', 'url', 'calls'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  io.out(`${resolved.catalog.system} catalog, env ${env}${resolved.production ? ' (production)' : ''}\n`);
  io.out(`${line(header)}\n${rows.map(line).join('\n')}\n`);
}
