import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../core/suite.ts';
import { startChild, type RunningChild } from '../../infra/process.ts';
import { runCli } from '../../test/helpers/cli.ts';
import { call, eventually, isAlive } from '../testing/http.ts';
import { readState, type StackState } from './state-file.ts';

const BIN = join(PROJECT_ROOT, 'bin', 'tracseq-validate.js');
const dirs: string[] = [];
const supervisors: RunningChild[] = [];

function startSupervisor(stateFile: string): RunningChild {
  const child = startChild({
    command: process.execPath,
    args: [BIN, 'stack', 'up', '--port-base', '0', '--services', 'api-gateway,auth-service,sample-service'],
    label: 'stack up',
    env: { ...process.env, TRACSEQ_STACK_STATE: stateFile },
  });
  supervisors.push(child);
  return child;
}

async function upAndRecorded(): Promise<{ supervisor: RunningChild; stateFile: string; state: StackState; exit: Promise<number | null> }> {
  const dir = mkdtempSync(join(tmpdir(), 'tracseq-stack-cli-'));
  dirs.push(dir);
  const stateFile = join(dir, 'stack.json');
  const supervisor = startSupervisor(stateFile);
  const exit = supervisor.exited.then((info) => info.code);
  expect(await eventually(async () => readState(stateFile) !== undefined, 100_000)).toBe(true);
  return { supervisor, stateFile, state: readState(stateFile)!, exit };
}

afterEach(() => {
  for (const s of supervisors.splice(0)) if (s.running()) s.handle.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('tracseq-validate stack up/env/down', () => {
  it('records the stack, prints its export lines, and `stack down` stops it with no child left', async () => {
    const { stateFile, state, exit } = await upAndRecorded();
    expect((await call(`${state.urls['api-gateway']}/health`)).status).toBe(200);
    const env = await runCli(['stack', 'env'], { env: { TRACSEQ_STACK_STATE: stateFile } });
    expect(env.stdout).toContain(`export API_GATEWAY_URL=${state.urls['api-gateway']}`);
    const down = await runCli(['stack', 'down'], { env: { TRACSEQ_STACK_STATE: stateFile } });
    expect(down.stdout).toContain('reference stack stopped');
    expect(await exit).toBe(0);
    expect(state.pids.filter(isAlive)).toEqual([]);
    expect(readState(stateFile)).toBeUndefined();
  }, 150_000);

  it('stops cleanly on Ctrl-C (SIGINT)', async () => {
    const { supervisor, state, exit } = await upAndRecorded();
    supervisor.handle.kill('SIGINT');
    expect(await exit).toBe(0);
    expect(state.pids.filter(isAlive)).toEqual([]);
  }, 150_000);

  it('leaves no orphans even when the supervisor is killed outright', async () => {
    const { supervisor, state, exit } = await upAndRecorded();
    supervisor.handle.kill('SIGKILL');
    await exit;
    expect(await eventually(async () => state.pids.filter(isAlive).length === 0, 10_000)).toBe(true);
  }, 150_000);
});
