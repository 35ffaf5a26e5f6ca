import { UsageError } from '../../core/errors.ts';

/** Where the Pact Broker is. The token is never part of this: the CLI reads PACT_BROKER_TOKEN from its environment. */
export interface BrokerConfig {
  readonly baseUrl: string;
  readonly hasToken: boolean;
}

/** The broker from `--broker URL` or PACT_BROKER_BASE_URL; undefined when neither is set (local matrix mode). */
export function brokerConfig(env: NodeJS.ProcessEnv, explicitUrl?: string): BrokerConfig | undefined {
  const raw = explicitUrl ?? env['PACT_BROKER_BASE_URL'];
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`${explicitUrl ? '--broker' : 'PACT_BROKER_BASE_URL'}: not a URL: ${safeUrl(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${explicitUrl ? '--broker' : 'PACT_BROKER_BASE_URL'}: must be http(s): ${safeUrl(raw)}`);
  return { baseUrl: safeUrl(raw).replace(/\/+$/, ''), hasToken: Boolean(env['PACT_BROKER_TOKEN']) };
}

/** A URL without user:password, safe to print. */
export function safeUrl(raw: string): string {
  return raw.replace(/\/\/[^/@\s]*@/, '//');
}

/** Replaces every secret that appears in `text` (the broker token, basic-auth password) with `***`. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  return secrets.filter((s): s is string => Boolean(s && s.length >= 4)).reduce((out, s) => out.split(s).join('***'), text);
}

export interface PublishArgs {
  readonly pactsDir: string;
  readonly consumerVersion: string;
  readonly branch?: string | undefined;
}

/** `pact-broker publish` arguments (token via the environment only). */
export function publishArgs(broker: BrokerConfig, a: PublishArgs): string[] {
  return ['publish', a.pactsDir, '--consumer-app-version', a.consumerVersion, ...(a.branch ? ['--branch', a.branch] : []), '--broker-base-url', broker.baseUrl];
}

export interface CanIDeployArgs {
  readonly pacticipant: string;
  readonly version: string;
  readonly toEnvironment?: string | undefined;
}

/** `pact-broker can-i-deploy` arguments; without an environment it asks about the latest of every counterpart. */
export function canIDeployArgs(broker: BrokerConfig, a: CanIDeployArgs): string[] {
  return [
    'can-i-deploy', '--pacticipant', a.pacticipant, '--version', a.version,
    ...(a.toEnvironment ? ['--to-environment', a.toEnvironment] : []),
    '--broker-base-url', broker.baseUrl, '--output', 'table',
  ];
}
