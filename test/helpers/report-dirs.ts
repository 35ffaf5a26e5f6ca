import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { RunReport } from '../../core/result.ts';
import { HISTORY_DIR as HISTORY } from '../../gate/history/history-file.ts';
import { HistoryEntry } from '../../gate/history/history-schema.ts';

/** Every file under `dir` (recursive), as paths relative to it. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => statSync(join(dir, p), { throwIfNoEntry: false })?.isFile());
}

/**
 * What is wrong with a reports root after runs: a run folder without a report.json that parses
 * against the result schema (a half-written report), a history file with a line that is not a
 * history entry, or a leftover temporary file. [] when clean.
 */
export function reportProblems(root: string): string[] {
  if (!existsSync(root)) return [];
  const problems: string[] = [];
  for (const file of filesUnder(root)) if (/\.tmp$|\.tmp\.|~$/.test(file)) problems.push(`${file}: temporary file left behind`);
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    if (entry.name === HISTORY) {
      problems.push(...historyProblems(join(root, HISTORY)));
      continue;
    }
    const file = join(root, entry.name, 'report.json');
    if (!existsSync(file)) {
      problems.push(`${relative(root, join(root, entry.name))}: run folder without report.json (${filesUnder(join(root, entry.name)).join(', ') || 'empty'})`);
      continue;
    }
    try {
      const parsed = RunReport.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) problems.push(`${entry.name}/report.json: does not match the result schema`);
    } catch {
      problems.push(`${entry.name}/report.json: not valid JSON`);
    }
  }
  return problems;
}

/** Every history file must be JSON lines, each a whole history entry. */
function historyProblems(dir: string): string[] {
  const problems: string[] = [];
  for (const name of filesUnder(dir)) {
    const where = `${HISTORY}/${name}`;
    if (!name.endsWith('.jsonl')) {
      problems.push(`${where}: not a history file`);
      continue;
    }
    const lines = readFileSync(join(dir, name), 'utf8').split('\n');
    if (lines.at(-1) !== '') problems.push(`${where}: last line not ended (half-written)`);
    for (const [i, line] of lines.entries()) {
      if (line === '') continue;
      try {
        if (!HistoryEntry.safeParse(JSON.parse(line)).success) problems.push(`${where}:${i + 1}: not a history entry`);
      } catch {
        problems.push(`${where}:${i + 1}: not valid JSON`);
      }
    }
  }
  return problems;
}

/** The run folders under `root` (ignoring the `latest` link, dot folders and the history folder). */
export function runDirs(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== HISTORY)
    .map((e) => e.name)
    .sort();
}

/** The report.json of one run folder, schema-checked. */
export function readReport(root: string, runDir: string): RunReport {
  return RunReport.parse(JSON.parse(readFileSync(join(root, runDir, 'report.json'), 'utf8')));
}
