import { ConfigError } from '../../../core/errors.ts';
import { createAnalysis } from '../analyzer/analysis.ts';
import { readResults } from '../analyzer/read-results.ts';
import { summarize } from '../analyzer/summarize.ts';

/**
 * `load analyze <files...>`: the analyzer on existing k6 raw results (one or several instances), as JSON.
 * A file with malformed lines (cut off mid-line, corrupt) is exit 2 naming the first bad line: figures
 * from part of a file must not pass for the whole.
 */
export async function analyzeCommand(files: readonly string[], flags: { scenario: string; env: string; series?: boolean }): Promise<void> {
  const analysis = createAnalysis();
  const started = performance.now();
  let lines = 0;
  for (const file of files) lines += (await readResults(file, analysis)).lines;
  if (analysis.malformed > 0) {
    throw new ConfigError(`${analysis.firstMalformed ?? files.join(', ')} (${analysis.malformed} malformed line${analysis.malformed === 1 ? '' : 's'} of ${lines}; the file is cut off or corrupt)`);
  }
  const summary = summarize(analysis, flags.scenario, flags.env);
  const out = flags.series ? summary : { ...summary, series: `${summary.series.length} seconds (use --series)` };
  process.stdout.write(`${JSON.stringify({ lines, analysisMs: Math.round(performance.now() - started), ...out }, null, 2)}\n`);
}
