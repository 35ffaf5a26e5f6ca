import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { ConfigError } from '../../../core/errors.ts';
import { addSample, noteMalformed, type Analysis } from './analysis.ts';
import { csvParser, type CsvParser } from './csv-line.ts';
import { parseJsonLine, type LineResult } from './json-line.ts';
import { ANALYZED_METRICS } from './k6-sample.ts';
import { forEachLine, startsWith } from './line-splitter.ts';

/**
 * Streams k6 raw results (JSON or CSV, gzipped when the name ends in .gz) into the analysis with
 * constant memory: lines are split as bytes, and only the lines of analyzed metrics are decoded
 * and parsed. Several files (one per k6 instance) feed the same analysis, so their samples merge
 * before any percentile is taken.
 */
const WANTED = [...ANALYZED_METRICS].map((m) => Buffer.from(m));
const JSON_POINT = Buffer.from('{"metric":"');
const JSON_DEFINITION = Buffer.from('{"type":"Metric"');

/** Is the metric name in buf[from..to) one the analyzer reads? (Length first: most names differ in it.) */
function wantedName(buf: Buffer, from: number, to: number): boolean {
  const length = to - from;
  for (const name of WANTED) {
    if (name.length === length && buf.compare(name, 0, length, from, to) === 0) return true;
  }
  return false;
}

/** JSON point lines: the name sits between `{"metric":"` and the next quote. */
function jsonWanted(buf: Buffer, start: number, end: number): boolean {
  if (!startsWith(buf, start, end, JSON_POINT)) return false;
  const from = start + JSON_POINT.length;
  const to = buf.indexOf(34, from);
  return to > 0 && to < end && wantedName(buf, from, to);
}

/** CSV rows: the name is the first field. */
function csvWanted(buf: Buffer, start: number, end: number): boolean {
  const to = buf.indexOf(44, start);
  return to > 0 && to < end && wantedName(buf, start, to);
}

export async function readResults(file: string, analysis: Analysis): Promise<{ lines: number }> {
  const gzip = file.endsWith('.gz');
  // Compressed input is read in small pieces: zlib inflates a whole input chunk at once, and k6's
  // JSON compresses ~20x, so a 1 MiB read would buffer ~20 MiB of text.
  const raw = createReadStream(file, { highWaterMark: gzip ? 1 << 15 : 1 << 20 });
  try {
    await new Promise<void>((resolve, reject) => {
      raw.once('open', () => resolve());
      raw.once('error', reject);
    });
  } catch (err) {
    throw new ConfigError(`${file}: cannot read k6 results (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  const source = gzip ? raw.pipe(createGunzip({ chunkSize: 1 << 18 })) : raw;
  const csv = /\.csv(\.gz)?$/.test(file);
  let parser: CsvParser | undefined;
  let lines = 0;
  let headerError: string | undefined;
  const onLine = (buf: Buffer, start: number, end: number) => {
    lines += 1;
    let result: LineResult;
    if (csv) {
      if (!parser) {
        try {
          parser = csvParser(buf.toString('utf8', start, end));
        } catch (err) {
          headerError ??= (err as Error).message;
        }
        return;
      }
      if (!csvWanted(buf, start, end)) return;
      result = parser.parse(buf.toString('utf8', start, end));
    } else {
      if (!jsonWanted(buf, start, end)) {
        if (end > start && !startsWith(buf, start, end, JSON_POINT) && !startsWith(buf, start, end, JSON_DEFINITION)) {
          noteMalformed(analysis, `${file}:${lines}: not a k6 JSON output line`);
        }
        return;
      }
      result = parseJsonLine(buf.toString('utf8', start, end));
    }
    if (result === 'skip') return;
    if ('error' in result) noteMalformed(analysis, `${file}:${lines}: ${result.error}`);
    else addSample(analysis, result);
  };
  try {
    await forEachLine(source as AsyncIterable<Buffer>, onLine);
  } catch (err) {
    // A gzip cut short (k6 killed mid-write): keep what was read, and say so.
    if ((err as NodeJS.ErrnoException).code !== 'Z_BUF_ERROR') throw new ConfigError(`${file}: ${(err as Error).message}`);
    noteMalformed(analysis, `${file}:${lines + 1}: ${(err as Error).message} (file cut short)`);
  }
  if (headerError) throw new ConfigError(`${file}:1: ${headerError}`);
  return { lines };
}
