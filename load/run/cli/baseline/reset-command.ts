import { UsageError } from '../../../../core/errors.ts';
import { baselinePath, baselinesDir, keyText, listBaselines, parseKey, removeBaseline } from '../../baseline/store.ts';

/**
 * `load baseline reset <target/env/scenario>` or `--all`: removes baselines, so the next run under
 * `--baseline-policy auto` establishes a new one (after a deliberate change in performance).
 */
export async function resetCommand(keyArg: string | undefined, flags: { all?: boolean | undefined }, env: NodeJS.ProcessEnv, out: (text: string) => void): Promise<void> {
  const dir = baselinesDir(env);
  if (flags.all && keyArg) throw new UsageError('load baseline reset: give a key or --all, not both');
  if (!flags.all && !keyArg) throw new UsageError('load baseline reset: give the key of the baseline to remove (<target>/<env>/<scenario>), or --all');
  const keys = flags.all ? (await listBaselines(dir)).map((b) => b.key) : [parseKey(keyArg!)];
  let removed = 0;
  for (const key of keys) {
    const file = baselinePath(dir, key);
    if (await removeBaseline(file)) {
      removed += 1;
      out(`removed baseline ${keyText(key)} (${file})\n`);
    } else {
      out(`no baseline ${keyText(key)} (${file}): nothing to remove\n`);
    }
  }
  if (flags.all && keys.length === 0) out(`no baselines under ${dir}: nothing to remove\n`);
  else if (flags.all) out(`${removed} baseline(s) removed\n`);
}
