import { describe, expect, it } from 'vitest';
import { liveChildren, runChild, startChild } from './process.ts';
import { waitReady } from './wait.ts';

const node = process.execPath;
const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };

describe('the process module with real children', () => {
  it('runs a command to completion and captures its stdout and exit code', async () => {
    const result = await runChild({ command: node, args: ['-e', 'console.log("hello"); console.error("warn"); process.exit(3)'], label: 'node', timeoutMs: 10_000 });
    expect(result).toMatchObject({ code: 3, signal: null, stdout: 'hello\n', timedOut: false });
    expect(result.tail).toContain('warn');
  });

  it('feeds stdin when given input', async () => {
    const result = await runChild({ command: node, args: ['-e', 'process.stdin.pipe(process.stdout)'], label: 'cat', timeoutMs: 10_000, input: 'abc' });
    expect(result.stdout).toBe('abc');
  });

  it('keeps only the last lines of output', async () => {
    const child = startChild({ command: node, args: ['-e', 'for (let i = 0; i < 100; i++) console.log("line " + i)'], label: 'chatty', tailLines: 3 });
    await child.exited;
    expect(child.tail()).toBe('line 97\nline 98\nline 99');
  });

  it('names a command that cannot be started', async () => {
    const child = startChild({ command: '/nonexistent/tool', label: 'tool' });
    expect((await child.exited).error).toMatch(/ENOENT/);
    expect(child.running()).toBe(false);
  });

  it('stops the whole process group, grandchildren included, and SIGKILLs a child that ignores SIGTERM', async () => {
    const script = `
      const { spawn } = require('node:child_process');
      const g = spawn(process.execPath, ['-e', 'process.on("SIGTERM", () => {}); setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      console.log(String(g.pid));
      process.on('SIGTERM', () => {});
      setInterval(() => {}, 1000);`;
    let grandchild = 0;
    const child = startChild({ command: node, args: ['-e', script], label: 'parent', onLine: (l) => { grandchild = Number(l); } });
    await waitReady('grandchild', async () => (grandchild > 0 ? { done: true, value: grandchild } : { done: false, reason: 'no pid yet' }), { timeoutMs: 10_000 });
    expect(liveChildren()).toContain(child);
    const info = await child.stop(300);
    expect(info.signal).toBe('SIGKILL');
    await waitReady('grandchild gone', async () => (alive(grandchild) ? { done: false, reason: 'alive' } : { done: true, value: true }), { timeoutMs: 5_000 });
    expect(liveChildren()).not.toContain(child);
  });

  it('stops the child when the caller aborts, with the stop signal asked for', async () => {
    const controller = new AbortController();
    const child = startChild({ command: node, args: ['-e', 'process.on("SIGINT", () => { console.log("summary"); process.exit(0); }); setInterval(() => {}, 1000); console.log("up")'], label: 'k6-like', stopSignal: 'SIGINT', signal: controller.signal, onLine: (l) => { if (l === 'up') controller.abort(); } });
    const info = await child.exited;
    expect(info).toMatchObject({ code: 0 });
    expect(child.tail()).toContain('summary');
  });

  it('gives up waiting as soon as the server it waits for has exited', async () => {
    const child = startChild({ command: node, args: ['-e', 'console.error("port in use"); process.exit(1)'], label: 'server' });
    const wait = waitReady('server on :1', async () => ({ done: false, reason: 'refused' }), { timeoutMs: 30_000, child });
    await expect(wait).rejects.toThrow(/server on :1: server exited at start \(code 1\)/);
  });
});
