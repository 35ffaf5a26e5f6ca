import { connect } from 'node:net';
import { classifyTransportError } from '../core/http/classify-transport.ts';
import { fail, pass, type Verdict } from './verdict.ts';

/** `tcp://host:port` -> host and port (IPv6 brackets dropped); undefined when it names no port. */
export function tcpTarget(url: string): { host: string; port: number } | undefined {
  const parsed = new URL(url);
  const port = Number(parsed.port);
  if (!parsed.hostname || !Number.isInteger(port) || port < 1) return undefined;
  return { host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'), port };
}

/** Opens a TCP connection to `tcp://host:port` within `timeoutMs` and closes it: something listens there. */
export function probeTcp(url: string, timeoutMs: number): Promise<Verdict> {
  const target = tcpTarget(url);
  if (!target) return Promise.resolve(fail({ kind: 'config', url, message: `"${url}" names no port (expected tcp://host:port)` }));
  const start = performance.now();
  return new Promise((resolve) => {
    const socket = connect({ host: target.host, port: target.port });
    const done = (verdict: Verdict) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(verdict);
    };
    const timer = setTimeout(() => done(fail({ kind: 'timeout', url, message: `no TCP connection within ${timeoutMs} ms` }, { latencyMs: timeoutMs })), timeoutMs);
    socket.once('connect', () => done(pass({ url, connected: `${target.host}:${target.port}`, latencyMs: Math.round(performance.now() - start) })));
    socket.once('error', (err) => done(fail(classifyTransportError(err, { url, timeoutMs }), { latencyMs: Math.round(performance.now() - start) })));
  });
}
