import { fork, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChildMessageSchema, type ChildMessage, type InitMessage, type UrlsMessage } from '../runtime/ipc.ts';

const MAIN = fileURLToPath(new URL('../runtime/service-main.ts', import.meta.url));
const TAIL_LINES = 20;
/** V8 code cache shared by service processes: halves each one's start-up CPU (15 processes start at once). */
const COMPILE_CACHE = join(tmpdir(), 'tracseq-node-compile-cache');
/** A larger young generation (V8 grows it only under allocation pressure): fewer scavenges on the gateway read path. */
const NODE_FLAGS = ['--max-semi-space-size=64'];

/** One forked service process, with its IPC messages, output tail and exit as promises. */
export class ServiceChild {
  readonly id: string;
  readonly process: ChildProcess;
  readonly exited: Promise<number | null>;
  #exitCode: number | null | undefined;
  #stopping = false;
  readonly #tail: string[] = [];
  readonly #waiters: { type: ChildMessage['type']; resolve: (m: ChildMessage) => void }[] = [];

  constructor(id: string, log: (line: string) => void, nodeArgs: readonly string[] = []) {
    this.id = id;
    this.process = fork(MAIN, [id], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], execArgv: [...NODE_FLAGS, ...nodeArgs], serialization: 'json', env: { ...process.env, NODE_COMPILE_CACHE: process.env['NODE_COMPILE_CACHE'] ?? COMPILE_CACHE } });
    for (const stream of [this.process.stdout, this.process.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        for (const line of chunk.split('\n').filter(Boolean)) {
          this.#tail.push(line);
          if (this.#tail.length > TAIL_LINES) this.#tail.shift();
          log(`[${id}] ${line}`);
        }
      });
    }
    this.process.on('message', (raw: unknown) => {
      const parsed = ChildMessageSchema.safeParse(raw);
      if (!parsed.success) return;
      const i = this.#waiters.findIndex((w) => w.type === parsed.data.type);
      if (i >= 0) this.#waiters.splice(i, 1)[0]?.resolve(parsed.data);
      if (parsed.data.type === 'fatal') this.#tail.push(parsed.data.message);
    });
    this.exited = new Promise((resolve) => {
      this.process.once('exit', (code, signal) => {
        this.#exitCode = code;
        if (!this.#stopping && code !== 0) log(`[${id}] exited unexpectedly (code ${code}${signal ? `, signal ${signal}` : ''})`);
        resolve(code);
      });
    });
  }

  get pid(): number {
    return this.process.pid ?? -1;
  }

  get exitCode(): number | null | undefined {
    return this.#exitCode;
  }

  get running(): boolean {
    return this.#exitCode === undefined;
  }

  get tail(): string {
    return this.#tail.slice(-5).join(' | ');
  }

  send(message: InitMessage | UrlsMessage): void {
    if (this.running && this.process.connected) this.process.send(message);
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

  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  async stop(graceMs: number): Promise<void> {
    if (!this.running) return;
    this.#stopping = true;
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.process.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}
