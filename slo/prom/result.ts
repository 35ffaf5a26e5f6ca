/** What one instant query gave: samples (possibly none) or a classified failure. */

export interface Sample {
  readonly labels: Readonly<Record<string, string>>;
  /** NaN, +Infinity and -Infinity are kept as such. */
  readonly value: number;
}

export type QueryFailureKind =
  | 'unreachable' // connection refused, DNS, reset
  | 'timeout' // our deadline, or Prometheus' own (503 / errorType timeout)
  | 'tls'
  | 'auth' // 401 / 403
  | 'query-error' // status:error (bad_data, execution, ...)
  | 'bad-response' // not JSON (a proxy's HTML page), wrong shape, unexpected status
  | 'too-large' // body over the cap
  | 'interrupted'; // the run was interrupted (SIGINT/SIGTERM) before Prometheus answered

export type QueryResult =
  | { readonly ok: true; readonly samples: readonly Sample[]; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly kind: QueryFailureKind; readonly message: string; readonly status?: number; readonly warnings: readonly string[] };

export function failure(kind: QueryFailureKind, message: string, status?: number, warnings: readonly string[] = []): QueryResult {
  return { ok: false, kind, message, ...(status !== undefined ? { status } : {}), warnings };
}

/** Failures that mean Prometheus itself cannot be reached (stop querying, say so once). */
export function isUnreachable(result: QueryResult): boolean {
  return !result.ok && (result.kind === 'unreachable' || result.kind === 'tls' || result.kind === 'auth');
}
