import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ConfigError } from '../../core/errors.ts';
import { formatIssues } from '../../core/zod-issues.ts';
import { HistoryEntry } from './history-schema.ts';

/**
 * The run history beside the reports: reports/history/<target>-<env>-<profile>.jsonl, one JSON line
 * per run, only ever appended to. The reader is strict: a line that is not a history entry stops
 * the run with a ConfigError naming the file and the line, so a damaged history is never read as
 * a shorter one.
 */
export interface HistoryKey {
  readonly target: string;
  readonly env: string;
  readonly profile: string;
}

const safe = (text: string) => text.replace(/[^A-Za-z0-9._]+/g, '_');

/** The folder under the reports root that holds the history files, beside the run folders. */
export const HISTORY_DIR = 'history';

export function historyFile(reportsRoot: string, key: HistoryKey): string {
  return join(reportsRoot, HISTORY_DIR, `${safe(key.target)}-${safe(key.env)}-${safe(key.profile)}.jsonl`);
}

/** Every entry of the file, oldest first; none when there is no file yet. */
export async function readHistory(file: string): Promise<HistoryEntry[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new ConfigError(`${file}: cannot read the run history (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  const entries: HistoryEntry[] = [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const [i, line] of lines.entries()) {
    const where = `${file}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      throw new ConfigError(`${where}: not a JSON line (${(err as Error).message}); the history is append-only: restore the file or move it away`);
    }
    const parsed = HistoryEntry.safeParse(value);
    if (!parsed.success) {
      const details = formatIssues(parsed.error, where);
      throw new ConfigError(`${where}: not a run history entry (${details.length} problem${details.length === 1 ? '' : 's'})`, details);
    }
    entries.push(parsed.data);
  }
  return entries;
}

/** Appends one entry (validated first) as one line. */
export async function appendHistory(file: string, entry: HistoryEntry): Promise<void> {
  const valid = HistoryEntry.parse(entry);
  await mkdir(dirname(file), { recursive: true });
  await appendFile(file, `${JSON.stringify(valid)}\n`, { encoding: 'utf8', flag: 'a' });
}
