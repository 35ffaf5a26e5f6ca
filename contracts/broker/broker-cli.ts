import { createRequire } from 'node:module';
import { ConfigError, UnreachableError, type HarnessError } from '../../core/errors.ts';
import { createHttpClient, type HttpClient } from '../../core/http/request.ts';
import { runChild } from '../../infra/process.ts';
import { redact, type BrokerConfig } from './broker-args.ts';

export interface BrokerRun {
  readonly status: number;
  /** stdout and stderr together, with the token redacted. */
  readonly output: string;
}

/** Throws UnreachableError (exit 3) naming the broker URL when nothing answers there; any HTTP answer counts as reachable. */
export async function assertBrokerReachable(broker: BrokerConfig, http: HttpClient = createHttpClient(), timeoutMs = 5000): Promise<void> {
  const result = await http.send({ url: broker.baseUrl, timeoutMs, headers: { accept: 'application/hal+json' } });
  if (!result.ok) throw new UnreachableError(`Pact Broker unreachable at ${broker.baseUrl}: ${result.failure.message}`);
}

/**
 * The harness error for CLI output that shows the broker itself failed: refused credentials are a
 * ConfigError (exit 2), a broker that could not be reached or answered with an error an UnreachableError (exit 3).
 * `output` must already be redacted.
 */
export function brokerFailure(output: string, broker: BrokerConfig): HarnessError | undefined {
  const refused = /\b(401 Unauthorized|403 Forbidden)\b/.exec(output);
  if (refused) return new ConfigError(`Pact Broker at ${broker.baseUrl} refused the credentials (${refused[1]}): check PACT_BROKER_TOKEN${broker.hasToken ? '' : ' (not set)'}`);
  if (/Failed to access pact broker|error sending request|IO Error/i.test(output)) {
    return new UnreachableError(`Pact Broker unreachable at ${broker.baseUrl}: ${output.split('\n')[0] ?? ''}`);
  }
  return undefined;
}

function brokerScript(): string {
  return createRequire(import.meta.url).resolve('@pact-foundation/pact-cli/bin/pact-broker.js');
}

/**
 * Runs the `pact-broker` CLI from @pact-foundation/pact-cli with `args`. The token reaches it only through
 * PACT_BROKER_TOKEN in its environment; output is redacted before anyone sees it. A broker the CLI could not
 * reach (or that failed) is an UnreachableError (exit 3); refused credentials are a ConfigError (exit 2).
 */
export async function runBrokerCli(broker: BrokerConfig, args: readonly string[], env: NodeJS.ProcessEnv, signal?: AbortSignal, timeoutMs = 120_000): Promise<BrokerRun> {
  await assertBrokerReachable(broker);
  const secrets = [env['PACT_BROKER_TOKEN'], env['PACT_BROKER_PASSWORD']];
  const stderr: string[] = [];
  const run = await runChild({
    command: process.execPath,
    args: [brokerScript(), ...args],
    label: 'pact-broker',
    env: { ...env },
    timeoutMs,
    ...(signal ? { signal } : {}),
    onLine: (line, stream) => {
      if (stream === 'stderr' && stderr.length < 2_000) stderr.push(line);
    },
  });
  const status = run.code ?? -1;
  const output = [run.stdout, ...stderr].join('\n');
  const clean = redact(output, secrets).trim();
  const failure = brokerFailure(clean, broker);
  if (failure) throw failure;
  return { status, output: clean };
}
