import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../core/suite.ts';
import { RunReport } from '../../core/result.ts';
import { reportDirOf, runCli as runTheCli } from '../../test/helpers/cli.ts';

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** report.json of the run (parsed by the result schema), when the CLI wrote one. */
  readonly report?: RunReport;
}

/** Runs `node bin/tracseq-validate.js ...args` (the real CLI) from the project root with a deadline, and reads its report. */
export async function runCli(args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<CliRun> {
  const { code, stdout, stderr } = await runTheCli(args, { env, timeoutMs, cwd: PROJECT_ROOT });
  const dir = reportDirOf(stdout);
  const report = dir ? RunReport.parse(JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'))) : undefined;
  return { code, stdout, stderr, ...(report ? { report } : {}) };
}
