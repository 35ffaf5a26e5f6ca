import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { RunReport } from '../../core/result.ts';

/** Every file under `dir` (recursive), as paths relative to it. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => statSync(join(dir, p), { throwIfNoEntry: false })?.isFile());
}

/**
 * What is wrong with a reports root after runs: a run folder without a report.json that parses
 * against the result schema (a half-written report), or a leftover temporary file. [] when clean.
 */
export function reportProblems(root: string): string[] {
  if (!existsSync(root)) return [];
  const problems: string[] = [];
  for (const file of filesUnder(root)) if (/\.tmp$|\.tmp\.|~$/.test(file)) problems.push(`${file}: temporary file left behind`);
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
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

/** The run folders under `root` (ignoring the `latest` link and dot folders). */
export function runDirs(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort();
}

/** The report.json of one run folder, schema-checked. */
export function readReport(root: string, runDir: string): RunReport {
  return RunReport.parse(JSON.parse(readFileSync(join(root, runDir, 'report.json'), 'utf8')));
}
