/** What the parent asks the verifier child process to do: verify one provider. */
export interface WorkerJob {
  readonly provider: string;
  readonly providerUrl: string;
  readonly hookUrl: string;
  /** Keys (`consumer--provider`) of the verification modules whose provider-state setups to use. */
  readonly contracts: readonly string[];
  /** Provider states named by the catalog's examples (generated pacts): set up by posting their params to the hook's seed, unless a module sets them up. */
  readonly catalogStates: readonly string[];
  /** The events the catalog says the provider publishes: a message interaction naming one is produced by the provider. */
  readonly publishes: readonly string[];
  readonly source: { readonly kind: 'files'; readonly files: readonly string[] } | { readonly kind: 'broker'; readonly brokerUrl: string };
  /** Publish results to the broker as this provider version (broker mode only). */
  readonly publish?: { readonly providerVersion: string; readonly branch?: string | undefined } | undefined;
  /** Per-request timeout of the verifier (ms). */
  readonly timeoutMs: number;
}

/** One result message per job, in job order. */
export interface WorkerResult {
  readonly provider: string;
  /** The verifier's JSON result (pass or fail). */
  readonly verifierJson?: string;
  /** The verifier could not run (bad arguments, crash). */
  readonly error?: string;
  /** Provider states whose setup threw (the verifier itself only logs these). */
  readonly stateErrors: readonly { state: string; message: string }[];
}
