import { catalogPath, loadCatalog } from '../../core/catalog/load.ts';
import { ConfigError } from '../../core/errors.ts';
import { parseFaultSpec, startStack } from '../launcher.ts';
import { lowestPort } from '../launcher/ports.ts';
import { parsePortBase, parseRateLimit } from './parse-options.ts';
import { defaultStateFile, exportLines, isAlive, readState, removeState, writeState } from './state-file.ts';

export interface StackUpOptions {
  readonly catalog?: string;
  readonly fault: readonly string[];
  readonly portBase?: string;
  readonly rateLimit?: string;
  readonly services?: string;
  readonly verbose?: boolean;
  readonly stateFile?: string;
}

/**
 * Foreground supervisor: starts the stack, prints URLs and export lines, records .tracseq/stack.json,
 * and stops every service on SIGINT/SIGTERM (Ctrl-C or `stack down`).
 */
export async function stackUp(options: StackUpOptions, out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<void> {
  const catalog = loadCatalog(catalogPath(options.catalog));
  const faults = options.fault.map((f) => parseFaultSpec(f, catalog));
  const http = catalog.services.filter((s) => s.kind === 'http');
  const span = Math.max(...http.map((s) => s.port)) - lowestPort(http);
  const portBase = options.portBase === undefined ? undefined : parsePortBase(options.portBase, span);
  const rateLimit = options.rateLimit === undefined ? undefined : parseRateLimit(options.rateLimit);
  const stateFile = options.stateFile ?? defaultStateFile();
  const existing = readState(stateFile);
  if (existing && isAlive(existing.pid)) throw new ConfigError(`a reference stack is already running (supervisor pid ${existing.pid}, ${stateFile}); run: tracseq-validate stack down`);

  const stopSignal = waitForSignal();
  err.write(`starting ${http.length} services (${http.reduce((n, s) => n + (s.replicas?.count ?? 1), 0)} processes)${faults.length ? ` with faults ${options.fault.join(', ')}` : ''}...\n`);
  const stack = await startStack({
    catalog,
    faults,
    ...(portBase === undefined ? {} : { portBase }),
    ...(rateLimit ? { rateLimit } : {}),
    ...(options.services ? { services: options.services.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
    log: (line) => {
      if (options.verbose || /exit|fault|not started|failed/.test(line)) err.write(`${line}\n`);
    },
  });
  try {
    writeState(stateFile, { pid: process.pid, startedAt: new Date().toISOString(), urls: stack.urls, env: stack.env, pids: stack.pids });
    const width = Math.max(...Object.keys(stack.urls).map((id) => id.length));
    for (const [id, url] of Object.entries(stack.urls)) {
      out.write(`${id.padEnd(width)}  ${url}${stack.started.includes(id) ? '' : '  (not serving: fault)'}\n`);
      for (const [i, replica] of (stack.replicaUrls[id] ?? []).entries()) out.write(`${' '.repeat(width)}    #${i + 1} ${replica}\n`);
    }
    out.write(`\n${exportLines(stack.env)}\n\n`);
    err.write(`reference stack up (supervisor pid ${process.pid}); stop with Ctrl-C or: tracseq-validate stack down\n`);
    const signal = await stopSignal.received;
    err.write(`${signal}: stopping the reference stack...\n`);
  } finally {
    stopSignal.dispose();
    await stack.stop();
    removeState(stateFile, process.pid);
  }
  err.write('reference stack stopped\n');
}

function waitForSignal(): { received: Promise<NodeJS.Signals>; dispose(): void } {
  let handler: (signal: NodeJS.Signals) => void = () => {};
  const received = new Promise<NodeJS.Signals>((resolve) => {
    handler = (signal) => resolve(signal);
  });
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    received,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
