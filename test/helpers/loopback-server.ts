import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server } from 'node:net';

export interface Loopback {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const closing = (server: Server) => () => new Promise<void>((resolve) => server.close(() => resolve()));

/** An in-process HTTP server on 127.0.0.1 (port from the OS) answering with `handler`. */
export function httpServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Loopback> {
  const server = createServer(handler);
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, port, close: () => (server.closeAllConnections(), closing(server)()) });
    });
  });
}

/** Answers every request with `status` and `body` (JSON unless a string). */
export function answering(status: number, body: unknown): (req: IncomingMessage, res: ServerResponse) => void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/plain' : 'application/json';
  return (_req, res) => {
    res.writeHead(status, { 'content-type': type });
    res.end(text);
  };
}

/** An in-process TCP listener on 127.0.0.1 that accepts and closes connections. */
export function tcpServer(): Promise<Loopback> {
  const server = createTcpServer((socket) => socket.end());
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `tcp://127.0.0.1:${port}`, port, close: closing(server) });
    });
  });
}
