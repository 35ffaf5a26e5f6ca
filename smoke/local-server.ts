import { spawn, type ChildProcess } from 'node:child_process';

export interface LocalServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Spawns a server in its own process group, keeping the last lines of its output for error messages. */
export function spawnServer(command: string, args: readonly string[], label: string): { child: ChildProcess; output: () => string } {
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 20));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('error', (err) => lines.push(`${label}: ${err.message}`));
  return { child, output: () => lines.join('\n') };
}

/** Stops a process group: `signal`, then SIGKILL after `graceMs`; resolves once the leader has exited. */
export async function stopGroup(child: ChildProcess, signal: NodeJS.Signals, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // already gone
    }
  };
  kill(signal);
  const timer = setTimeout(() => kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Polls `ready` until it resolves true or the deadline passes (then throws with the server's output). */
export async function waitReady(ready: () => Promise<boolean>, child: ChildProcess, output: () => string, label: string, deadlineMs = 30_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  for (let delay = 50; Date.now() < deadline; delay = Math.min(500, delay * 2)) {
    if (child.exitCode !== null) throw new Error(`${label} exited with code ${child.exitCode}: ${output()}`);
    if (await ready().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  throw new Error(`${label} not ready within ${deadlineMs} ms: ${output()}`);
}
