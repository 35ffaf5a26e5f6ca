import { join } from 'node:path';
import type { RunReport } from '../../core/result.ts';
import { writeFileAtomic } from '../../core/atomic-write.ts';
import { loadChartAssets } from './assets.ts';
import { renderHtmlReport } from './render-page.ts';

/** Writes `<dir>/index.html` (atomically) for a run report; returns its path. */
export async function writeHtmlReport(report: RunReport, dir: string): Promise<string> {
  const path = join(dir, 'index.html');
  await writeFileAtomic(path, renderHtmlReport(report, loadChartAssets()));
  return path;
}
