import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, UnreachableError } from '../../core/errors.ts';
import { readText } from '../../core/read-file.ts';
import { parsePactFile, type LoadedPact } from './pact-file.ts';

/**
 * Loads every `*.json` pact in `dir`. A missing or empty folder is "no data" (exit 3, never a pass);
 * a corrupt file is a ConfigError naming it; two files for the same consumer/provider pair are refused.
 */
export async function loadPacts(dir: string): Promise<LoadedPact[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UnreachableError(`pacts folder ${dir}: cannot read it (${code}); run \`tracseq-validate contracts consumer\` first`);
  }
  if (names.length === 0) {
    throw new UnreachableError(`pacts folder ${dir} has no pact files: nothing to verify (run \`tracseq-validate contracts consumer\` first)`);
  }
  const pacts = await Promise.all(names.map(async (name) => parsePactFile(await readText(join(dir, name), 'pact file'), join(dir, name))));
  const seen = new Map<string, string>();
  for (const { file, pact } of pacts) {
    const pair = `${pact.consumer.name} -> ${pact.provider.name}`;
    const other = seen.get(pair);
    if (other) throw new ConfigError(`${file}: second pact for ${pair} (also in ${other})`);
    seen.set(pair, file);
  }
  return pacts;
}
