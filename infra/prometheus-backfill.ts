import { writeFile } from 'node:fs/promises';
import { UnreachableError } from '../core/errors.ts';
import { requireBinary } from './binary.ts';
import { startChild } from './process.ts';

/**
 * Writes samples with their own timestamps (OpenMetrics text, ending in `# EOF`) into a TSDB
 * directory as blocks, with `promtool tsdb create-blocks-from openmetrics`, before Prometheus
 * starts on it: history for tests of windows that a live scrape cannot fill in time (calendar
 * periods, time slices). Bounded by a deadline.
 */
export async function backfillTsdb(openMetrics: string, tsdbDir: string, promtool = requireBinary('promtool', 'prometheus'), timeoutMs = 60_000): Promise<void> {
  const input = `${tsdbDir}.om`;
  await writeFile(input, openMetrics.endsWith('# EOF\n') ? openMetrics : `${openMetrics.trimEnd()}\n# EOF\n`);
  const child = startChild({ command: promtool, args: ['tsdb', 'create-blocks-from', 'openmetrics', input, tsdbDir], label: 'promtool' });
  const timer = setTimeout(() => void child.stop(1_000), timeoutMs);
  const info = await child.exited;
  clearTimeout(timer);
  if (info.code !== 0) throw new UnreachableError(`promtool could not write the backfill blocks (${info.error ?? `exit ${info.code ?? info.signal}`})`, child.tail().split('\n').slice(-5));
}
