/**
 * Typed errors, each carrying its exit code (DESIGN.md: 0 pass, 1 gate failed,
 * 2 bad configuration or usage, 3 unreachable or no data, 70 internal error).
 * Only the CLI entry turns them into process exits (through core/run/exit-code.ts).
 */
export const ExitCode = {
  pass: 0,
  failed: 1,
  config: 2,
  unreachable: 3,
  internal: 70,
  sigint: 130,
  sigterm: 143,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export class HarnessError extends Error {
  readonly exitCode: number;
  /** Extra lines (e.g. every catalog problem), printed after the message. */
  readonly details: readonly string[];
  constructor(message: string, exitCode: number, details: readonly string[] = []) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
    this.details = details;
  }
}

/** Bad configuration or input file: exit 2. `details` lists every `path.to.field: message`. */
export class ConfigError extends HarnessError {
  constructor(message: string, details: readonly string[] = []) {
    super(message, ExitCode.config, details);
  }
}

/** Bad command-line usage: exit 2. */
export class UsageError extends HarnessError {
  constructor(message: string, details: readonly string[] = []) {
    super(message, ExitCode.config, details);
  }
}

/** A dependency (service, Prometheus, k6, broker) was unreachable or gave no data: exit 3. */
export class UnreachableError extends HarnessError {
  constructor(message: string, details: readonly string[] = []) {
    super(message, ExitCode.unreachable, details);
  }
}

/** The gate failed (a check, contract, threshold or SLO failed): exit 1. */
export class GateFailedError extends HarnessError {
  constructor(message: string, details: readonly string[] = []) {
    super(message, ExitCode.failed, details);
  }
}

/** Interrupted by a signal: exit 130 (SIGINT) or 143 (SIGTERM). */
export class InterruptedError extends HarnessError {
  readonly signal: NodeJS.Signals;
  constructor(signal: NodeJS.Signals, details: readonly string[] = []) {
    super(`interrupted by ${signal}`, signal === 'SIGINT' ? ExitCode.sigint : ExitCode.sigterm, details);
    this.signal = signal;
  }
}

/** Turns anything thrown into a HarnessError; unknown errors are internal (exit 70). */
export function asHarnessError(err: unknown): HarnessError {
  if (err instanceof HarnessError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new HarnessError(`internal error: ${message}`, ExitCode.internal);
}
