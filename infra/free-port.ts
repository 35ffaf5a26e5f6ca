import { createServer } from 'node:net';

/** Asks the OS for a free TCP port on `host` (listen on port 0, read it, close). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('the OS gave no port'))));
    });
  });
}

/** True when a server could not start because its port was taken (between freePort() and its bind). */
export function isPortTaken(err: unknown): boolean {
  const details = (err as { details?: readonly string[] } | undefined)?.details ?? [];
  return /address already in use/i.test([err instanceof Error ? err.message : String(err), ...details].join('\n'));
}

/**
 * Starts a server on a port the OS says is free, and on a new one (up to `attempts` in all) when
 * another process took the port in between (the server's error says "address already in use").
 */
export async function onFreePort<T>(start: (port: number) => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await start(await freePort());
    } catch (err) {
      if (attempt >= attempts || !isPortTaken(err)) throw err;
    }
  }
}
