import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One canned answer: status, content type and body (a string, or a generator of chunks for huge bodies). */
export interface CannedAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string | (() => Iterable<string>);
}

export interface FakePrometheus {
  readonly url: string;
  /** The PromQL of every query received. */
  readonly queries: string[];
  /** Answer queries matching `when` (default: every query) with `next`; the others as a healthy system would. */
  answer(next: CannedAnswer, when?: RegExp): void;
  close(): Promise<void>;
}

const vector = (value: string) => `{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[${Date.now() / 1000},"${value}"]}]}}`;

/** What a healthy system gives: no 5xx, 100 requests, fast quantiles, all within the latency bound. */
export function healthyAnswer(query: string): CannedAnswer {
  const value = /^histogram_quantile/.test(query) ? '0.05' : /5\.\.|^\(sum/.test(query) ? '0' : '100';
  return { status: 200, contentType: 'application/json', body: vector(value) };
}

/**
 * A loopback HTTP server standing in for the Prometheus API: it answers /api/v1/query (GET or POST)
 * with the corpus answer under test. Port from the OS.
 */
export async function startFakePrometheus(): Promise<FakePrometheus> {
  let current: { next: CannedAnswer; when: RegExp | undefined } | undefined;
  const queries: string[] = [];
  const server: Server = createServer((req, res) => {
    let form = '';
    req.setEncoding('utf8').on('data', (c: string) => { form += c; });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const query = url.searchParams.get('query') ?? new URLSearchParams(form).get('query') ?? '';
      queries.push(query);
      const chosen = current && (!current.when || current.when.test(query)) ? current.next : healthyAnswer(query);
      res.on('error', () => {});
      res.writeHead(chosen.status, { 'content-type': chosen.contentType });
      if (typeof chosen.body === 'string') return void res.end(chosen.body);
      const chunks = chosen.body()[Symbol.iterator]();
      const pump = () => {
        for (let next = chunks.next(); !next.done; next = chunks.next()) {
          if (res.destroyed) return;
          if (!res.write(next.value)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    queries,
    answer: (next, when) => { current = { next, when }; },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
