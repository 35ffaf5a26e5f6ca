import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { ConfigError } from '../../../core/errors.ts';
import { addSample, noteMalformed, type Analysis } from './analysis.ts';
import { csvParser, type CsvParser } from './csv-line.ts';
import { parseJsonLine, type LineResult } from './json-line.ts';

/**
 * Streams k6 raw results (JSON or CSV, gzipped when the name ends in .gz) line by line into the
 * analysis: memory stays constant whatever the file's size. Several files (one per k6 instance) feed
 * the same analysis, so their samples merge before any percentile is taken.
 */
export async function readResults(file: string, analysis: Analysis): Promise<{ lines: number }> {
  const raw = createReadStream(file);
  const opened = new Promise<void>((resolve, reject) => {
    raw.once('open', () => resolve());
    raw.once('error', reject);
  });
  try {
    await opened;
  } catch (err) {
    throw new ConfigError(`${file}: cannot read k6 results (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  const source = file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  const csv = /\.csv(\.gz)?$/.test(file);
  let parser: CsvParser | undefined;
  let lines = 0;
  const consume = async () => {
    for await (const line of createInterface({ input: source, crlfDelay: Infinity })) {
      lines += 1;
      let result: LineResult;
      if (csv) {
        if (!parser) {
          try {
            parser = csvParser(line);
          } catch (err) {
            throw new ConfigError(`${file}:1: ${(err as Error).message}`);
          }
          continue;
        }
        result = parser.parse(line);
      } else {
        result = parseJsonLine(line);
      }
      if (result === 'skip') continue;
      if ('error' in result) noteMalformed(analysis, `${file}:${lines}: ${result.error}`);
      else addSample(analysis, result);
    }
  };
  try {
    await consume();
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    // A gzip cut short (k6 killed mid-write): keep what was read, and say so.
    if ((err as NodeJS.ErrnoException).code !== 'Z_BUF_ERROR') throw new ConfigError(`${file}: ${(err as Error).message}`);
    noteMalformed(analysis, `${file}:${lines + 1}: ${(err as Error).message} (file cut short)`);
  }
  return { lines };
}
