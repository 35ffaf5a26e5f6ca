/**
 * Round-robin over a route's replicas (pure): each request starts at the next replica and, when one
 * refuses the connection, goes on to the one after it, so a down replica costs a retry, not an error.
 */
export class RoundRobin {
  #next = 0;

  /** The replicas in the order this request tries them. */
  order(replicas: readonly string[]): string[] {
    if (replicas.length === 0) return [];
    const start = this.#next % replicas.length;
    this.#next = (start + 1) % replicas.length;
    return [...replicas.slice(start), ...replicas.slice(0, start)];
  }
}

/** Errors that mean the replica never took the request (nothing was sent), so another replica may. */
const NOT_TAKEN = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET']);

export function notTaken(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e instanceof Error; depth += 1) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code && NOT_TAKEN.has(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Sends to the first replica (in `order`) that takes the request; throws the last error when none does,
 * or at once when a replica took it and failed mid-way (it may have acted on it).
 */
export async function firstTaker<T>(order: readonly string[], send: (replica: string) => Promise<T>): Promise<{ replica: string; answer: T; tried: number }> {
  let last: unknown = new Error('no replica to send to');
  for (const [i, replica] of order.entries()) {
    try {
      return { replica, answer: await send(replica), tried: i + 1 };
    } catch (err) {
      if (!notTaken(err)) throw err;
      last = err;
    }
  }
  throw last;
}
