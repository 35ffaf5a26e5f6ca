import { describe, expect, it } from 'vitest';
import { ConfigError, UnreachableError } from '../../core/errors.ts';
import { brokerFailure } from './broker-cli.ts';

const broker = { baseUrl: 'https://broker.example', hasToken: true };

describe('the Pact Broker CLI output classifier', () => {
  it('calls refused credentials a configuration error (exit 2) that points at the token', () => {
    const err = brokerFailure("❌ IO Error - Request to pact broker path 'https://broker.example/matrix' failed: 401 Unauthorized.", broker);
    expect(err).toBeInstanceOf(ConfigError);
    expect(err?.message).toBe('Pact Broker at https://broker.example refused the credentials (401 Unauthorized): check PACT_BROKER_TOKEN');
    expect(brokerFailure('failed: 403 Forbidden', { ...broker, hasToken: false })?.message).toMatch(/\(403 Forbidden\): check PACT_BROKER_TOKEN \(not set\)$/);
  });

  it('calls a broker it could not reach unreachable (exit 3), naming the URL', () => {
    const err = brokerFailure("❌ IO Error - Failed to access pact broker path 'https://broker.example/matrix' - error sending request", broker);
    expect(err).toBeInstanceOf(UnreachableError);
    expect(err?.exitCode).toBe(3);
    expect(err?.message).toMatch(/^Pact Broker unreachable at https:\/\/broker\.example: /);
  });

  it('leaves an ordinary answer (a can-i-deploy "no") to the caller', () => {
    expect(brokerFailure('Computer says no ¯\\_(ツ)_/¯\n\nThere is no verified pact between ...', broker)).toBeUndefined();
  });
});
