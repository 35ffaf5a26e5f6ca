import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild, type RunningChild } from '../../infra/process.ts';
import { ChildMessageSchema, type ChildMessage, type InitMessage, type UrlsMessage } from '../runtime/ipc.ts';

const MAIN = fileURLToPath(new URL('../runtime/service-main.ts', import.meta.url));
const TAIL_LINES = 20;
/** V8 code cache shared by service processes: halves each one's start-up CPU (15 processes start at once). */
const COMPILE_CACHE = join(tmpdir(), 'tracseq-node-compile-cache');
/** A larger young generation (V8 grows it only under allocation pressure): fewer scavenges on the gateway read path. */
const NODE_FLAGS = ['--max-semi-space-size=64'];

/**
 * One forked service process, through infra/process.ts (its own process group, a bounded output
 * tail, stopped as a group), with its IPC messages and exit as promises.
 */
export class ServiceChild {
  readonly id: string;
  readonly #child: RunningChild;
  readonly exited: Promise<number | null>;
  #exitCode: number | null | undefined;
  #stopping = false;
  readonly #notes: string[] = [];
  readonly #waiters: { type: ChildMessage['type']; resolve: (m: ChildMessage) => void }[] = [];

  constructor(id: string, log: (line: string) => void, nodeArgs: readonly string[] = []) {
    this.id = id;
    this.#child = startChild({
      command: MAIN,
      args: [id],
      label: id,
      node: true,
      execArgv: [...NODE_FLAGS, ...nodeArgs],
      env: { ...process.env, NODE_COMPILE_CACHE: process.env['NODE_COMPILE_CACHE'] ?? COMPILE_CACHE },
      tailLines: TAIL_LINES,
      onLine: (line) => log(`[${id}] ${line}`),
    });
    this.#child.handle.on('message', (raw: unknown) => {
      const parsed = ChildMessageSchema.safeParse(raw);
      if (!parsed.success) return;
      const i = this.#waiters.findIndex((w) => w.type === parsed.data.type);
      if (i >= 0) this.#waiters.splice(i, 1)[0]?.resolve(parsed.data);
      if (parsed.data.type === 'fatal') this.#notes.push(parsed.data.message);
    });
    this.exited = this.#child.exited.then(({ code, signal, error }) => {
      this.#exitCode = code;
      if (!this.#stopping && code !== 0) log(`[${id}] exited unexpectedly (${error ?? `code ${code}${signal ? `, signal ${signal}` : ''}`})`);
      return code;
    });
  }

  get pid(): number {
    return this.#child.pid ?? -1;
  }

  get exitCode(): number | null | undefined {
    return this.#exitCode;
  }

  get running(): boolean {
    return this.#exitCode === undefined;
  }

  get tail(): string {
    return [...this.#child.tail().split('\n').filter(Boolean), ...this.#notes].slice(-5).join(' | ');
  }

  send(message: InitMessage | UrlsMessage): void {
    if (this.running && this.#child.handle.connected) this.#child.handle.send(message);
  }

  /** Resolves with the message, or rejects naming the service when it exits or the deadline passes first. */
  async waitFor<T extends ChildMessage['type']>(type: T, timeoutMs: number): Promise<Extract<ChildMessage, { type: T }>> {
    let timer: NodeJS.Timeout | undefined;
    const message = new Promise<ChildMessage>((resolve) => this.#waiters.push({ type, resolve }));
    const exited = this.exited.then((code) => {
      throw new Error(`${this.id} exited with code ${code} before it was ${type}${this.tail ? `: ${this.tail}` : ''}`);
    });
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${this.id} was not ${type} within ${timeoutMs} ms${this.tail ? `: ${this.tail}` : ''}`)), timeoutMs);
    });
    try {
      return (await Promise.race([message, exited, timeout])) as Extract<ChildMessage, { type: T }>;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Stops the service's process group: SIGTERM, then SIGKILL after `graceMs`; resolves once it is gone. */
  async stop(graceMs: number): Promise<void> {
    if (!this.running) return;
    this.#stopping = true;
    await this.#child.stop(graceMs);
    await this.exited;
  }
}
