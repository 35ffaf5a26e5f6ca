import { requireBinary } from '../infra/binary.ts';
import { freePort } from '../infra/free-port.ts';
import { httpProbe } from '../infra/http-probe.ts';
import { startChild } from '../infra/process.ts';
import { waitReady } from '../infra/wait.ts';

export interface RunningPushgateway {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** Starts Debian's prometheus-pushgateway on 127.0.0.1 (a free port, in-memory) and waits for /-/ready. */
export async function startPushgateway(binary = requireBinary('prometheus-pushgateway', 'prometheus-pushgateway'), timeoutMs = 15_000): Promise<RunningPushgateway> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = startChild({ command: binary, args: [`--web.listen-address=127.0.0.1:${port}`, '--persistence.file=', '--log.level=warn'], label: 'pushgateway' });
  try {
    await waitReady(`pushgateway (${binary}) on ${url}`, httpProbe(`${url}/-/ready`), { timeoutMs, child });
  } catch (err) {
    await child.stop(2_000);
    throw err;
  }
  return { url, pid: child.pid ?? -1, stop: async () => { await child.stop(5_000); } };
}
