import { describe, expect, it } from 'vitest';
import { brokerConfig, canIDeployArgs, publishArgs, redact, safeUrl } from './broker-args.ts';

const token = 's3cr3t-token-value';
const env = { PACT_BROKER_BASE_URL: 'https://broker.example/', PACT_BROKER_TOKEN: token };

describe('the Pact Broker argument builder', () => {
  it('takes the broker from PACT_BROKER_BASE_URL, and --broker wins over it', () => {
    expect(brokerConfig(env)).toEqual({ baseUrl: 'https://broker.example', hasToken: true });
    expect(brokerConfig(env, 'http://127.0.0.1:9292')).toEqual({ baseUrl: 'http://127.0.0.1:9292', hasToken: true });
    expect(brokerConfig({})).toBeUndefined();
  });

  it('refuses a broker URL that is not http(s), without echoing credentials', () => {
    expect(() => brokerConfig({ PACT_BROKER_BASE_URL: 'ftp://u:pw@x' })).toThrow('PACT_BROKER_BASE_URL: must be http(s): ftp://x');
    expect(() => brokerConfig({}, 'not a url')).toThrow('--broker: not a URL: not a url');
  });

  it('builds publish arguments with the consumer version and branch, never the token', () => {
    const args = publishArgs(brokerConfig(env)!, { pactsDir: '/w/pacts', consumerVersion: 'abc123', branch: 'main' });
    expect(args).toEqual(['publish', '/w/pacts', '--consumer-app-version', 'abc123', '--branch', 'main', '--broker-base-url', 'https://broker.example']);
    expect(args.join(' ')).not.toContain(token);
  });

  it('builds can-i-deploy arguments with and without a target environment, never the token', () => {
    const broker = brokerConfig(env)!;
    expect(canIDeployArgs(broker, { pacticipant: 'sample-service', version: 'abc', toEnvironment: 'production' })).toEqual([
      'can-i-deploy', '--pacticipant', 'sample-service', '--version', 'abc', '--to-environment', 'production', '--broker-base-url', 'https://broker.example', '--output', 'table',
    ]);
    const noEnv = canIDeployArgs(broker, { pacticipant: 'sample-service', version: 'abc' });
    expect(noEnv).not.toContain('--to-environment');
    expect(noEnv.join(' ')).not.toContain(token);
  });

  it('strips user:password from URLs and redacts secrets from text', () => {
    expect(safeUrl('https://user:pw@broker.example/x')).toBe('https://broker.example/x');
    expect(redact(`auth Bearer ${token} failed for ${token}`, [token, undefined])).toBe('auth Bearer *** failed for ***');
  });
});
