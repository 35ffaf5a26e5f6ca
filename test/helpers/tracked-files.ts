import { PROJECT_ROOT } from '../../core/suite.ts';
import { runChild } from '../../infra/process.ts';

/** The files git tracks in the project (paths relative to its root), for the repository-wide checks. */
export async function trackedFiles(root: string = PROJECT_ROOT): Promise<string[]> {
  const result = await runChild({ command: 'git', args: ['ls-files', '-z'], cwd: root, label: 'git ls-files', timeoutMs: 20_000 });
  if (result.code !== 0) throw new Error(`git ls-files failed: ${result.error ?? result.tail}`);
  return result.stdout.split('\0').filter(Boolean);
}
