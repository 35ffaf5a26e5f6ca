import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../../core/errors.ts';
import { PROJECT_ROOT } from '../../core/suite.ts';
import { formatIssues } from '../../core/zod-issues.ts';

/** What `stack up` records for `stack down` and `stack env`. */
export const StackStateSchema = z.strictObject({
  pid: z.number().int().positive(),
  startedAt: z.string(),
  urls: z.record(z.string(), z.string()),
  env: z.record(z.string(), z.string()),
  pids: z.array(z.number().int()),
});
export type StackState = z.infer<typeof StackStateSchema>;

export function defaultStateFile(env: NodeJS.ProcessEnv = process.env): string {
  return env['TRACSEQ_STACK_STATE'] ?? join(PROJECT_ROOT, '.tracseq', 'stack.json');
}

export function writeState(file: string, state: StackState): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`);
}

/** The recorded stack, or undefined when there is no state file. A corrupt file is a ConfigError naming the field. */
export function readState(file: string): StackState | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError(`${file}: not valid JSON (delete it if no stack is running)`);
  }
  const parsed = StackStateSchema.safeParse(json);
  if (!parsed.success) throw new ConfigError(`${file}: not a stack state file`, formatIssues(parsed.error));
  return parsed.data;
}

export function removeState(file: string, pid: number): void {
  const current = safeRead(file);
  if (!current || current.pid === pid) rmSync(file, { force: true });
}

function safeRead(file: string): StackState | undefined {
  try {
    return readState(file);
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function exportLines(env: Readonly<Record<string, string>>): string {
  return Object.entries(env).map(([k, v]) => `export ${k}=${v}`).join('\n');
}
