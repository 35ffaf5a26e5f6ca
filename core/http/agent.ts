import { Agent } from 'undici';

export interface AgentOptions {
  /** Idle keep-alive sockets are kept this long (ms). */
  keepAliveMs?: number;
  /** Socket connect deadline (ms); each request also has its own overall deadline. */
  connectTimeoutMs?: number;
  /** Max sockets per origin (null: unlimited). */
  connectionsPerOrigin?: number | null;
}

/** An undici Agent with keep-alive: one pool of sockets per origin, reused across requests. */
export function createAgent(options: AgentOptions = {}): Agent {
  return new Agent({
    keepAliveTimeout: options.keepAliveMs ?? 10_000,
    keepAliveMaxTimeout: Math.max(options.keepAliveMs ?? 10_000, 60_000),
    connections: options.connectionsPerOrigin ?? 16,
    connect: { timeout: options.connectTimeoutMs ?? 5_000 },
  });
}

let shared: Agent | undefined;

/** The process-wide keep-alive agent every suite shares (created on first use). */
export function sharedAgent(): Agent {
  shared ??= createAgent();
  return shared;
}

/** Closes the shared agent's idle sockets so the process can exit; the next use creates a new one. */
export async function closeSharedAgent(): Promise<void> {
  const agent = shared;
  shared = undefined;
  if (agent) await agent.close();
}
