import type { RunReport, SuiteResult } from '../../core/result.ts';
import { targetName } from '../../core/target.ts';
import { appendHistory, historyFile, readHistory, type HistoryKey } from './history-file.ts';
import type { HistoryEntry } from './history-schema.ts';
import { keyFigures } from './key-figures.ts';
import { compareWithTrend, describeTrendRow, withTrendChecks, type TrendComparison, type TrendSettings } from './trend.ts';

/**
 * A gate run's place in its history, in three steps: the history is read before anything starts (a
 * damaged file stops the run at once, exit 2); once the suites ran, their key figures are judged
 * against the trend (step changes become failed checks, so the verdict names them); once the verdict
 * is known, the run is appended and the report carries the nights it is drawn among.
 */
export interface History {
  readonly file: string;
  readonly stored: readonly HistoryEntry[];
  readonly settings: TrendSettings;
}

export interface Judged {
  readonly results: SuiteResult[];
  readonly comparison: TrendComparison;
  readonly figures: HistoryEntry['figures'];
}

export async function openHistory(reportsRoot: string, key: HistoryKey, settings: TrendSettings): Promise<History> {
  const file = historyFile(reportsRoot, key);
  return { file, stored: await readHistory(file), settings };
}

export function judgeTrend(history: History, results: readonly SuiteResult[]): Judged {
  const { figures, from } = keyFigures(results);
  const comparison = compareWithTrend(figures, history.stored, history.settings);
  return { results: withTrendChecks(results, from, comparison.rows), comparison, figures };
}

/** Appends the finished run (not an interrupted one: its figures cover part of a run) and puts the trend in its report. */
export async function recordRun(report: RunReport, history: History, judged: Judged): Promise<RunReport> {
  if (report.interrupted) return report;
  const entry: HistoryEntry = {
    version: 1,
    runId: report.runId,
    at: report.finishedAt,
    target: targetName(report.target),
    env: report.env,
    profile: report.profile ?? report.command,
    verdict: report.verdict,
    exitCode: report.exitCode,
    figures: judged.figures,
    regressions: judged.comparison.rows.filter((r) => !r.ok).map(describeTrendRow),
  };
  await appendHistory(history.file, entry);
  const nights = [...history.stored.slice(-history.settings.nights), entry];
  return { ...report, trend: { file: history.file, nights, judged: judged.comparison.judged, reason: judged.comparison.reason, rows: judged.comparison.rows } };
}
