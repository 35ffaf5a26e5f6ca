/**
 * `npm run bench [-- name ...]`: runs the benchmark scripts (scripts/bench-<name>.ts) one after
 * another, each in its own process with its default settings, and prints their figures. Without
 * names it runs all of them (about 15 minutes on the 2-core machine); with names only those.
 *   npm run bench -- load-throughput stack
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(dir).filter((f) => /^bench-.+\.ts$/.test(f)).map((f) => f.slice('bench-'.length, -'.ts'.length)).sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !available.includes(w));
if (unknown.length > 0) {
  console.error(`error: no benchmark named ${unknown.join(', ')} (have: ${available.join(', ')})`);
  process.exit(2);
}
let failed = 0;
for (const name of wanted.length ? wanted : available) {
  console.log(`\n=== bench-${name} ===`);
  const res = spawnSync(process.execPath, [`${dir}bench-${name}.ts`], { stdio: 'inherit' });
  if (res.status !== 0) {
    failed += 1;
    console.log(`bench-${name} exited ${res.status ?? res.signal}`);
  }
}
process.exit(failed ? 1 : 0);
