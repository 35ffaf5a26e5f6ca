import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { formatIssues } from '../../core/zod-issues.ts';

/** testdata/bad/manifest.yaml: one entry per bad input, with the command that reads it and what must happen. */
export const CorpusEntrySchema = z.strictObject({
  /** Path under testdata/bad/. */
  file: z.string().min(1),
  /** CLI arguments; {file}, {dir} and {prometheus} are filled in. Omitted for Prometheus answers (`slo evaluate`). */
  run: z.array(z.string()).optional(),
  /** The file is a Prometheus answer, served by a loopback server with this status and content type. */
  serve: z.strictObject({ status: z.number().int(), contentType: z.string(), when: z.string().optional() }).optional(),
  exit: z.union([z.literal(2), z.literal(3)]),
  /** A regular expression the headline must match. */
  error: z.string().min(1),
  /** Text (the field, line or value at fault) the headline or its detail lines must contain. */
  field: z.string().min(1),
  /** What the headline must name instead of the file itself (a folder, for folder inputs). */
  names: z.string().optional(),
}).refine((e) => (e.run === undefined) !== (e.serve === undefined), { message: 'give exactly one of run and serve' });
export type CorpusEntry = z.infer<typeof CorpusEntrySchema>;

export const BAD_DIR = join(import.meta.dirname, '..', '..', 'testdata', 'bad');

export function loadManifest(): CorpusEntry[] {
  const parsed = z.strictObject({ inputs: z.array(CorpusEntrySchema) }).safeParse(parse(readFileSync(join(BAD_DIR, 'manifest.yaml'), 'utf8')));
  if (!parsed.success) throw new Error(`testdata/bad/manifest.yaml: ${formatIssues(parsed.error).join('; ')}`);
  return parsed.data.inputs;
}

/** The CLI arguments for an entry. */
export function commandFor(entry: CorpusEntry, prometheus: string): string[] {
  const file = join('testdata/bad', entry.file);
  const dir = file.slice(0, file.lastIndexOf('/'));
  const run = entry.run ?? ['slo', 'evaluate', '--prometheus', '{prometheus}', '--window', '5m', '--services', 'sample-service', '--no-store', '--timeout', '5s'];
  return run.map((a) => a.replaceAll('{file}', file).replaceAll('{dir}', dir).replaceAll('{prometheus}', prometheus));
}

/** The headline: the first `error: ...` line, or the first `INCONCLUSIVE <suite>: ...` verdict line; and the lines after it. */
export function headline(output: string): { line: string | undefined; rest: string } {
  const lines = output.split('\n');
  const at = lines.findIndex((l) => /^(error: |INCONCLUSIVE \w+: )/.test(l));
  return at < 0 ? { line: undefined, rest: '' } : { line: lines[at], rest: lines.slice(at + 1).join('\n') };
}
