/** How the contracts suite runs (the CLI and the gate build this; defaults are applied in run.ts only). */
export interface ContractsOptions {
  /** Pacts folder (default: $TRACSEQ_PACTS_DIR or pacts/). */
  readonly pactsDir?: string | undefined;
  /** Verify the pacts already in the folder instead of regenerating them with the consumer tests. */
  readonly useExistingPacts?: boolean | undefined;
  /** Verify the pacts of this Pact Broker (and publish results) instead of a folder. */
  readonly broker?: string | undefined;
  /** Only these providers (coverage and verification). */
  readonly providers?: readonly string[] | undefined;
  /** Default: the git SHA. */
  readonly providerVersion?: string | undefined;
  /** Default: the git SHA. */
  readonly consumerVersion?: string | undefined;
  /** Matrix file (default: reports/.contracts/matrix.json or $TRACSEQ_CONTRACTS_MATRIX). */
  readonly matrixFile?: string | undefined;
}
