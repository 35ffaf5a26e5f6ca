import { runChild } from '../../infra/process.ts';

export interface ToolResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command-line tool (xmllint, promtool, ps) to completion through infra/process.ts, with a deadline. */
export async function runTool(command: string, args: readonly string[], options: { timeoutMs?: number; input?: string } = {}): Promise<ToolResult> {
  const result = await runChild({ command, args, label: command.split('/').pop() ?? command, captureStderr: true, timeoutMs: options.timeoutMs ?? 60_000, ...(options.input !== undefined ? { input: options.input } : {}) });
  if (result.error) throw new Error(`cannot run ${command}: ${result.error}`);
  return { code: result.code, stdout: result.stdout, stderr: result.stderr };
}

/** xmllint --schema: resolves to its report when the file validates; rejects with it when not. */
export async function xmllintSchema(xsd: string, file: string): Promise<string> {
  const result = await runTool('xmllint', ['--noout', '--schema', xsd, file]);
  if (result.code !== 0) throw new Error(`xmllint exited ${result.code}: ${result.stderr}`);
  return result.stderr;
}
