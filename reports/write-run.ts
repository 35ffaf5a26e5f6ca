import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ExitCode, HarnessError } from '../core/errors.ts';
import { RunReport } from '../core/result.ts';
import { formatIssues } from '../core/zod-issues.ts';
import { symlinkAtomic, writeFileAtomic } from '../core/atomic-write.ts';
import { renderJunit } from './junit.ts';
import { redactReport } from './redact-report.ts';
import { renderSummaryMarkdown } from './summary-md.ts';

export interface WriteRunOptions {
  /** Folder holding every run: reports/ (its <run-id>/ and `latest` link are written here). */
  reportsRoot: string;
  /** Where $GITHUB_STEP_SUMMARY is read from (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Also write the self-contained index.html with charts (reports/html). */
  html?: boolean;
}

const SAFE_RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Validates a report against the zod schema; an invalid report is the harness's own bug (exit 70). */
export function validateRunReport(report: unknown): RunReport {
  const parsed = RunReport.safeParse(report);
  if (!parsed.success) {
    throw new HarnessError('internal error: the run report does not match the result schema', ExitCode.internal, formatIssues(parsed.error, 'report'));
  }
  if (!SAFE_RUN_ID.test(parsed.data.runId)) {
    throw new HarnessError(`internal error: run id "${parsed.data.runId}" is not a safe folder name`, ExitCode.internal);
  }
  return parsed.data;
}

/**
 * Writes reports/<run-id>/report.json, junit.xml and summary.md (each atomically, credentials redacted), appends the
 * summary to $GITHUB_STEP_SUMMARY when set, and points reports/latest at the run folder.
 * Other writers (the HTML page) may add files to the same folder.
 */
export async function writeRunReports(report: RunReport, opts: WriteRunOptions): Promise<{ dir: string; files: string[] }> {
  const valid = validateRunReport(redactReport(report));
  const dir = join(opts.reportsRoot, valid.runId);
  await mkdir(dir, { recursive: true });
  const summary = renderSummaryMarkdown(valid);
  const outputs: [string, string][] = [
    ['report.json', `${JSON.stringify(valid, null, 2)}\n`],
    ['junit.xml', renderJunit(valid)],
    ['summary.md', summary],
  ];
  const files: string[] = [];
  for (const [name, content] of outputs) {
    const path = join(dir, name);
    await writeFileAtomic(path, content);
    files.push(path);
  }
  if (opts.html) {
    const { writeHtmlReport } = await import('./html/write-html.ts');
    files.push(await writeHtmlReport(valid, dir));
  }
  const stepSummary = (opts.env ?? process.env)['GITHUB_STEP_SUMMARY'];
  if (stepSummary) await appendFile(stepSummary, `${summary}\n`, 'utf8');
  await symlinkAtomic(valid.runId, join(opts.reportsRoot, 'latest'));
  return { dir, files };
}
