import { ConfigError } from '../../../../core/errors.ts';
import { readBaseline } from '../../baseline/baseline-file.ts';
import { baselineExists, baselinePath, baselinesDir, keyText, parseKey } from '../../baseline/store.ts';

const ms = (v: number | null) => (v === null ? '-' : v.toFixed(1));

/** `load baseline show <target/env/scenario>`: one baseline's per-endpoint figures (`--json`: the file). */
export async function showCommand(keyArg: string, flags: { json?: boolean | undefined }, env: NodeJS.ProcessEnv, out: (text: string) => void): Promise<void> {
  const key = parseKey(keyArg);
  const file = baselinePath(baselinesDir(env), key);
  if (!(await baselineExists(file))) throw new ConfigError(`no baseline ${keyText(key)} (${file}); \`tracseq-validate load baseline list\` shows those there are`);
  const b = await readBaseline(file);
  if (flags.json) {
    out(`${JSON.stringify(b, null, 2)}\n`);
    return;
  }
  const rows = [['service', 'endpoint', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'errors %', 'req/s'],
    ...b.endpoints.map((e) => [e.service, e.endpoint, String(e.requests), ms(e.p50), ms(e.p95), ms(e.p99), (e.errorRate * 100).toFixed(2), e.rps.toFixed(1)])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const table = rows.map((r) => r.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd());
  out(`baseline ${keyText(key)}: saved ${b.savedAt} from run ${b.fromRun} (${file})\n${table.join('\n')}\n`);
}
