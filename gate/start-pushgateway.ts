import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { UnreachableError } from '../core/errors.ts';
import { exited, tailBuffer, terminate } from '../infra/child-process.ts';
import { freePort } from '../infra/free-port.ts';

export interface RunningPushgateway {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** Starts Debian's prometheus-pushgateway on 127.0.0.1 (a free port, in-memory) and waits for /-/ready. */
export async function startPushgateway(binary = '/usr/bin/prometheus-pushgateway', timeoutMs = 15_000): Promise<RunningPushgateway> {
  const port = await freePort();
  const child = spawn(binary, [`--web.listen-address=127.0.0.1:${port}`, '--persistence.file=', '--log.level=warn'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const stderr = tailBuffer();
  child.stderr?.on('data', (c: Buffer) => stderr.push(c));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const url = `http://127.0.0.1:${port}`;
  let gone = false;
  void exited(child).then(() => { gone = true; });
  child.once('error', () => { gone = true; });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !gone) {
    try {
      const res = await request(`${url}/-/ready`, { headersTimeout: 1000, bodyTimeout: 1000 });
      await res.body.dump();
      if (res.statusCode === 200) {
        return { url, pid: child.pid ?? -1, stop: async () => { await terminate(child, 5000); process.off('exit', killOnExit); } };
      }
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  await terminate(child, 2000);
  process.off('exit', killOnExit);
  throw new UnreachableError(`pushgateway (${binary}) did not become ready on ${url}`, stderr.text().split('\n').filter(Boolean).slice(-3));
}
