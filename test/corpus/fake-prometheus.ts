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
  /** Requests seen (method and path with query). */
  readonly requests: string[];
  answer(next: CannedAnswer): void;
  close(): Promise<void>;
}

/**
 * A loopback HTTP server that answers every /api/v1/query (GET or POST) with the current canned
 * answer: the bad Prometheus responses of the corpus. Port from the OS.
 */
export async function startFakePrometheus(): Promise<FakePrometheus> {
  let current: CannedAnswer = { status: 200, contentType: 'application/json', body: '{"status":"success","data":{"resultType":"vector","result":[]}}' };
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    req.resume();
    req.on('end', () => {
      res.writeHead(current.status, { 'content-type': current.contentType });
      const { body } = current;
      if (typeof body === 'string') return void res.end(body);
      const chunks = body()[Symbol.iterator]();
      const pump = () => {
        for (let next = chunks.next(); !next.done; next = chunks.next()) if (!res.write(next.value)) return void res.once('drain', pump);
        res.end();
      };
      res.on('error', () => {});
      pump();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer: (next) => { current = next; },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
