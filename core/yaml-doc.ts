import type { Document } from 'yaml';
import { ConfigError } from './errors.ts';

/** The 1-based line of a character offset in `text` (YAML parse errors give offsets, not lines, unless pretty-printed). */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < Math.min(offset, text.length); i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

/**
 * A parsed YAML document's value. Resolving it can still fail (an alias bomb: "Excessive alias
 * count"); that is bad input naming the file (exit 2), not an internal error.
 */
export function documentValue(doc: Document, file: string): unknown {
  try {
    return doc.toJS();
  } catch (err) {
    throw new ConfigError(`${file}: not valid YAML (${(err as Error).message.split('\n')[0]})`);
  }
}
