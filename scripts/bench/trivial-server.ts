// The reference point for scripts/bench-stack.ts: a bare node:http server answering a small fixed JSON body,
// run as its own process like the stack's services. Prints its port on stdout.
import { createServer } from 'node:http';

const body = JSON.stringify({ data: [], total: 0 });
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => process.exit(0));
process.on('disconnect', () => process.exit(0));
