import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { urlEnvVar } from '../../core/catalog/resolve.ts';
import { requireBinary } from '../../infra/binary.ts';
import { freePort } from '../../infra/free-port.ts';
import { httpProbe } from '../../infra/http-probe.ts';
import { startChild, type RunningChild } from '../../infra/process.ts';
import { startPrometheus, waitForScrape, type RunningPrometheus, type ScrapeJob } from '../../infra/prometheus.ts';
import { waitReady } from '../../infra/wait.ts';

/**
 * Real servers this project did not write, as testdata/third-party/catalog.yaml describes them:
 * Debian's prometheus-node-exporter, prometheus-blackbox-exporter and nginx, and a Prometheus that
 * scrapes them (and itself; nginx through the blackbox exporter's probe, since nginx has no
 * metrics). Each runs on a free loopback port from a small config in a temp folder, through
 * infra/process.ts; system services of the same packages are never used or touched.
 */
export const THIRD_PARTY_CATALOG = 'testdata/third-party/catalog.yaml';

export type ServerId = 'prometheus' | 'node-exporter' | 'blackbox-exporter' | 'nginx';

export interface ThirdPartyServers {
  /** Service id -> base URL (`http://127.0.0.1:<port>`). */
  readonly urls: Readonly<Record<ServerId, string>>;
  /** `<ID>_URL` variables that point the catalog at these servers. */
  readonly env: Readonly<Record<string, string>>;
  readonly prometheus: RunningPrometheus;
  /** Stops one server (its process group), as a crash would take it away. */
  stop(id: Exclude<ServerId, 'prometheus'>): Promise<void>;
  /** Stops every server and removes the temp folder. Idempotent. */
  stopAll(): Promise<void>;
}

const READY_MS = 20_000;

const blackboxConfig = `modules:
  http_2xx:
    prober: http
    timeout: 2s
    http:
      preferred_ip_protocol: ip4
  tcp_connect:
    prober: tcp
    timeout: 2s
    tcp:
      preferred_ip_protocol: ip4
`;

/** nginx in the foreground, everything it writes inside `dir`; a text health page and the stub status page. */
function nginxConfig(dir: string, port: number): string {
  return `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  default_type text/plain;
  server {
    listen 127.0.0.1:${port};
    root ${dir}/html;
    location = /healthz { return 200 "OK\\n"; }
    location = /nginx_status { stub_status; }
    location / { index index.html; }
  }
}
`;
}

interface Started {
  readonly child: RunningChild;
  readonly url: string;
}

async function startServer(label: string, command: string, args: readonly string[], url: string, readyPath: string): Promise<Started> {
  const child = startChild({ command, args, label, graceMs: 5_000 });
  try {
    await waitReady(`${label} (${command}) on ${url}`, httpProbe(`${url}${readyPath}`), { timeoutMs: READY_MS, child });
  } catch (err) {
    await child.stop(2_000);
    throw err;
  }
  return { child, url };
}

/** Starts the three servers and Prometheus; Prometheus has scraped every job once before this returns. */
export async function startThirdPartyServers(): Promise<ThirdPartyServers> {
  const dir = await mkdtemp(join(tmpdir(), 'tracseq-third-party-'));
  const started: Started[] = [];
  let prometheus: RunningPrometheus | undefined;
  const stopAll = async () => {
    await Promise.all([...started.map((s) => s.child.stop()), prometheus?.stop()]);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const [nodePort, blackboxPort, nginxPort, prometheusPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    const url = (port: number) => `http://127.0.0.1:${port}`;
    // nginx started by root serves through workers running as nobody: they must be able to read the site.
    await chmod(dir, 0o755);
    await writeFile(join(dir, 'blackbox.yml'), blackboxConfig);
    await mkdir(join(dir, 'html'));
    await writeFile(join(dir, 'html', 'index.html'), '<!doctype html><title>third-party test site</title><h1>It works</h1>\n');
    await writeFile(join(dir, 'nginx.conf'), nginxConfig(dir, nginxPort!));
    const servers = await Promise.all([
      startServer('node-exporter', requireBinary('prometheus-node-exporter', 'prometheus-node-exporter'), [
        `--web.listen-address=127.0.0.1:${nodePort}`, '--collector.disable-defaults', '--collector.loadavg', '--collector.meminfo', '--collector.time', '--log.level=warn',
      ], url(nodePort!), '/metrics'),
      startServer('blackbox-exporter', requireBinary('prometheus-blackbox-exporter', 'prometheus-blackbox-exporter'), [
        `--config.file=${join(dir, 'blackbox.yml')}`, `--web.listen-address=127.0.0.1:${blackboxPort}`, '--log.level=warn',
      ], url(blackboxPort!), '/-/healthy'),
      startServer('nginx', requireBinary('nginx', 'nginx'), ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log'), '-g', 'daemon off;'], url(nginxPort!), '/healthz'),
    ]);
    started.push(...servers);
    const [node, blackbox, nginx] = servers as [Started, Started, Started];
    const probe = `${blackbox.url}/probe?module=http_2xx&target=${encodeURIComponent(`${nginx.url}/healthz`)}`;
    const jobs: ScrapeJob[] = [
      { job: 'prometheus', targets: [`127.0.0.1:${prometheusPort}`] },
      { job: 'node-exporter', targets: [node.url] },
      { job: 'blackbox-exporter', targets: [blackbox.url] },
      { job: 'nginx', targets: [probe] },
    ];
    prometheus = await startPrometheus({ scrapeTargets: jobs, scrapeInterval: '1s', port: prometheusPort!, remoteWriteReceiver: false });
    await waitForScrape(prometheus.url, { requireUp: true, timeoutMs: READY_MS });
    const urls = { prometheus: prometheus.url, 'node-exporter': node.url, 'blackbox-exporter': blackbox.url, nginx: nginx.url };
    const byId = new Map<string, Started>([['node-exporter', node], ['blackbox-exporter', blackbox], ['nginx', nginx]]);
    return {
      urls,
      env: Object.fromEntries(Object.entries(urls).map(([id, u]) => [urlEnvVar(id), u])),
      prometheus,
      stop: async (id) => { await byId.get(id)!.child.stop(); },
      stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
