/**
 * Preloaded into a CLI child with `NODE_OPTIONS=--import=<this file>` (see connectionRecorder): every
 * outgoing TCP connection attempt and DNS lookup is appended to $TRACSEQ_TEST_CONNECT_LOG as one JSON
 * line. Attempts to any host outside loopback are refused on the spot, so a test can prove that no
 * traffic left the machine, and a bug cannot send any.
 */
import dns from 'node:dns';
import { appendFileSync } from 'node:fs';
import net from 'node:net';

const logFile = process.env['TRACSEQ_TEST_CONNECT_LOG'];
const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|localhost|::ffff:127(\.\d{1,3}){3})$/i;

function record(kind: string, host: string, port: unknown): void {
  if (logFile) appendFileSync(logFile, `${JSON.stringify({ kind, host, port, pid: process.pid })}\n`);
}

function target(args: unknown[]): { host: string; port: unknown; path?: string } {
  const [first, second] = args;
  if (Array.isArray(first)) return target(first);
  if (first !== null && typeof first === 'object') {
    const o = first as { host?: string; port?: unknown; path?: string };
    return { host: o.host ?? 'localhost', port: o.port, ...(o.path ? { path: o.path } : {}) };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { host: 'unix', port: first, path: first };
  return { host: typeof second === 'string' ? second : 'localhost', port: first };
}

if (logFile) {
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function patched(this: net.Socket, ...args: unknown[]) {
    const t = target(args);
    if (t.path === undefined) {
      record('connect', t.host, t.port);
      if (!LOOPBACK.test(t.host)) {
        process.nextTick(() => this.destroy(Object.assign(new Error(`connection to ${t.host} blocked by the test`), { code: 'ECONNREFUSED' })));
        return this;
      }
    }
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;
  const lookup = dns.lookup;
  dns.lookup = function patchedLookup(hostname: string, ...rest: unknown[]) {
    record('lookup', hostname, undefined);
    return (lookup as (...a: unknown[]) => void).call(dns, hostname, ...rest);
  } as typeof dns.lookup;
}
