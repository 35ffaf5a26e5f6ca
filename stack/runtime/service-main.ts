/**
 * Entry point of one service process (forked by the launcher with an IPC channel).
 * Protocol: init -> listen -> 'listening' {port} -> urls -> start -> 'ready'. Exits when the
 * launcher sends SIGTERM/SIGINT or the IPC channel closes (so a killed supervisor leaves no orphans).
 */
import type { Server } from 'node:http';
import { formatIssues } from '../../core/zod-issues.ts';
import { loadServiceModule } from '../services/registry.ts';
import { adminRouter } from './admin.ts';
import { Deps } from './deps.ts';
import { FaultState } from './fault-state.ts';
import { healthRoutes, type Backing } from './health.ts';
import { InitMessageSchema, UrlsMessageSchema, type ChildMessage, type InitMessage, type UrlsMessage } from './ipc.ts';
import { Metrics } from './metrics.ts';
import { Router } from './router.ts';
import { poolLimits, ServiceDatabase } from './service-database.ts';
import { createServiceServer } from './server.ts';
import { ServiceRedis } from './service-redis.ts';
import type { ServiceContext } from './types.ts';

function tell(message: ChildMessage): void {
  process.send?.(message);
}

function fatal(message: string): never {
  tell({ type: 'fatal', message });
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

// Installed first, so a launcher that dies (or stops us) while we still load never leaves an orphan.
let stopHook: (() => void) | undefined;
const onStop = () => (stopHook ? stopHook() : process.exit(0));
process.on('SIGTERM', onStop);
process.on('SIGINT', onStop);
process.on('disconnect', onStop);

process.once('message', (raw: unknown) => {
  const parsed = InitMessageSchema.safeParse(raw);
  if (!parsed.success) fatal(`bad init message: ${formatIssues(parsed.error).join('; ')}`);
  start(parsed.data).catch((err: unknown) => fatal(`${parsed.data.serviceId}: ${err instanceof Error ? err.message : String(err)}`));
});

async function start(init: InitMessage): Promise<void> {
  const log = (line: string) => process.stdout.write(`${line}\n`);
  if (init.exitAtStart) {
    log(`${init.serviceId}: starting... exiting with code 0 (exit-at-start fault)`);
    process.exit(0);
  }
  const service = init.catalog.services.find((s) => s.id === init.serviceId);
  if (!service) fatal(`service "${init.serviceId}" is not in the catalog`);
  const module = await loadServiceModule(service, init.catalog, log);
  const keepsData = typeof module.database === 'function' ? module.database(service, init.catalog) : module.database;
  const faults = new FaultState(init.faults);
  const active = { count: 0 };
  const backing = { database: new ServiceDatabase(keepsData, active, log, poolLimits(service, init.catalog)), redis: new ServiceRedis() };
  let selfUrl = '';
  const ctx: ServiceContext = {
    id: init.serviceId,
    replica: init.replica,
    service,
    catalog: init.catalog,
    faults,
    metrics: new Metrics(init.serviceId),
    deps: new Deps(init.serviceId, faults),
    settings: init.settings,
    log,
    database: backing.database,
    selfUrl: () => selfUrl,
  };
  backing.database.register(ctx.metrics);
  const instance = module.create(ctx);
  const router = new Router([...healthRoutes(ctx, instance, backing), ...instance.routes]);
  const servedBy = init.replica.count > 1 ? `${init.serviceId}#${init.replica.index}` : undefined;
  const server = createServiceServer({ ctx, router, admin: adminRouter(ctx, instance), database: backing.database, active, servedBy });
  const port = await listen(server, init.host, init.port);
  selfUrl = `http://${init.host}:${port}`;
  process.on('message', (raw: unknown) => {
    const urls = UrlsMessageSchema.safeParse(raw);
    if (!urls.success) return log(`ignored launcher message: ${formatIssues(urls.error).join('; ')}`);
    ctx.deps.setUrls(urls.data.urls, urls.data.replicas);
    const started = connect(backing, urls.data, ctx)
      .then(() => instance.start?.())
      .catch((err: unknown) => log(`start failed: ${String(err)}`));
    void Promise.race([started, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]).then(() => tell({ type: 'ready' }));
  });
  stopHook = () => shutdown(server, ctx, backing);
  if (!process.connected) stopHook();
  tell({ type: 'listening', port });
}

/** Its DATABASE_URL and REDIS_URL, when the stack runs with real infrastructure (connections are made on first use). */
async function connect(backing: Backing, urls: UrlsMessage, ctx: ServiceContext): Promise<void> {
  if (urls.databaseUrl) await backing.database.use(urls.databaseUrl);
  if (urls.redisUrl) await backing.redis.use(urls.redisUrl);
  backing.database.register(ctx.metrics);
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port }, () => {
      const address = server.address();
      if (address && typeof address === 'object') resolve(address.port);
      else reject(new Error('server has no TCP address'));
    });
  });
}

let stopping = false;
function shutdown(server: Server, ctx: ServiceContext, backing: Backing): void {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeAllConnections();
  backing.redis.close();
  void Promise.allSettled([ctx.deps.close(), backing.database.close()]).finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 1_000).unref();
}
