import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const WRK_LUA = fileURLToPath(new URL('../wrk/bearer-latency.lua', import.meta.url));

const WrkResult = z.object({
  requests: z.number(),
  duration_us: z.number().positive(),
  p50_us: z.number(),
  p95_us: z.number(),
  p99_us: z.number(),
  socket_errors: z.number(),
  non_2xx: z.number(),
});

export interface WrkFigures {
  readonly rps: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly socketErrors: number;
  readonly non2xx: number;
}

export interface WrkRun {
  readonly threads: number;
  readonly connections: number;
  readonly seconds: number;
}

export function wrkArgs(url: string, run: WrkRun): string[] {
  return [`-t${run.threads}`, `-c${run.connections}`, `-d${run.seconds}s`, '--latency', '-s', WRK_LUA, url];
}

/** Runs wrk once against a loopback URL and reads the Lua script's WRK_RESULT line. */
export function runWrk(url: string, run: WrkRun, token: string): Promise<WrkFigures> {
  if (!/^http:\/\/(127\.0\.0\.1|\[::1\]|localhost)[:/]/.test(url)) throw new Error(`refusing to load ${url}: loopback only`);
  return new Promise((resolve, reject) => {
    execFile('wrk', wrkArgs(url, run), { env: { ...process.env, WRK_TOKEN: token }, timeout: (run.seconds + 30) * 1000 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`wrk failed: ${err.message} ${stderr}`));
      const line = stdout.split('\n').find((l) => l.startsWith('WRK_RESULT '));
      if (!line) return reject(new Error(`wrk printed no WRK_RESULT line:\n${stdout}`));
      const r = WrkResult.parse(JSON.parse(line.slice('WRK_RESULT '.length)));
      resolve({
        rps: r.requests / (r.duration_us / 1e6),
        p50Ms: r.p50_us / 1000,
        p95Ms: r.p95_us / 1000,
        p99Ms: r.p99_us / 1000,
        socketErrors: r.socket_errors,
        non2xx: r.non_2xx,
      });
    });
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
