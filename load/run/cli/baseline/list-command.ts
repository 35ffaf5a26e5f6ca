import { baselinesDir, keyText, listBaselines } from '../../baseline/store.ts';

/** `load baseline list`: every stored baseline, one line each: key, when, from which run, endpoints, file. */
export async function listCommand(env: NodeJS.ProcessEnv, out: (text: string) => void): Promise<void> {
  const dir = baselinesDir(env);
  const all = await listBaselines(dir);
  if (all.length === 0) {
    out(`no baselines under ${dir} (a gate with --baseline-policy auto records one; \`tracseq-validate load baseline promote <run-id>\` promotes a run)\n`);
    return;
  }
  const rows = all.map((b) => [keyText(b.key), b.baseline.savedAt, b.baseline.fromRun, `${b.baseline.endpoints.length} endpoints`, b.file]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  out(`${rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n')}\n`);
}
