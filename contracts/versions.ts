import { runChild } from '../infra/process.ts';

/** The git commit of `cwd` (the default consumer and provider version), or undefined outside a git checkout. */
export async function gitSha(cwd: string): Promise<string | undefined> {
  const run = await runChild({ command: 'git', args: ['rev-parse', 'HEAD'], cwd, label: 'git', timeoutMs: 5_000 });
  const sha = run.stdout.trim();
  return run.code === 0 && /^[0-9a-f]{40}$/.test(sha) ? sha : undefined;
}
