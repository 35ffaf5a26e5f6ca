/** What running one consumer case gave (sent from the consumer worker to the harness). */
export interface CaseResult {
  readonly consumer: string;
  readonly provider: string;
  /** The case's sentence, or `(cases)` when the contract could not even list its cases. */
  readonly name: string;
  /** Where the case is written when not in the contract's module (a generated case: its catalog example). */
  readonly where?: string;
  readonly outcome: 'pass' | 'fail';
  /** Why it failed: the assertion or Pact's mock-server mismatch, whole. */
  readonly message?: string;
  readonly durationMs: number;
}

/** Every case of one consumer run. */
export interface ConsumerReport {
  readonly cases: readonly CaseResult[];
  /** Consumer contracts run (one pact file each). */
  readonly contracts: number;
}
