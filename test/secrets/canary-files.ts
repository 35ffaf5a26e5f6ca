import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { filesUnder } from '../helpers/report-dirs.ts';

/** A JWT (header.payload.signature, base64url JSON): a bearer credential whatever its claims. */
export const JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/;

/** The forms a secret takes on the wire: as is, URL-encoded, and inside HTTP basic auth. */
export function secretForms(secret: string, basicUser?: string): string[] {
  const forms = [secret, encodeURIComponent(secret)];
  if (basicUser) forms.push(Buffer.from(`${basicUser}:${secret}`).toString('base64'));
  return [...new Set(forms)];
}

/** Every file under `dir` whose text (gunzipped when .gz) contains one of `needles` or matches `pattern`: `file: what`. */
export function filesContaining(dir: string, needles: readonly string[], pattern?: RegExp): string[] {
  const hits: string[] = [];
  for (const file of filesUnder(dir)) {
    const raw = readFileSync(join(dir, file));
    const text = (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
    for (const needle of needles) if (text.includes(needle)) hits.push(`${file}: contains the canary (${needle.slice(0, 6)}…)`);
    if (pattern && pattern.test(text)) hits.push(`${file}: contains ${pattern.source.slice(0, 12)}…`);
  }
  return hits;
}

/** Lines of output that carry a secret form or match `pattern`. */
export function linesContaining(output: string, needles: readonly string[], pattern?: RegExp): string[] {
  return output.split('\n').filter((l) => needles.some((n) => l.includes(n)) || (pattern !== undefined && pattern.test(l)));
}
