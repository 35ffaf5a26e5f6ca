import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from './circuit-breaker.ts';

describe('CircuitBreaker', () => {
  it('opens after the threshold of consecutive failures and refuses until recovery', () => {
    let now = 0;
    const breaker = new CircuitBreaker(5, 60_000, () => now);
    for (let i = 0; i < 4; i++) breaker.failure();
    expect(breaker.state).toBe('closed');
    expect(breaker.allow()).toBe(true);
    breaker.failure();
    expect(breaker.state).toBe('open');
    now = 59_000;
    expect(breaker.allow()).toBe(false);
    expect(breaker.retryAfterSeconds()).toBe(1);
  });

  it('resets the count on a success, so scattered failures never open it', () => {
    const breaker = new CircuitBreaker(3, 1_000, () => 0);
    for (let i = 0; i < 10; i++) {
      breaker.failure();
      breaker.failure();
      breaker.success();
    }
    expect(breaker.state).toBe('closed');
    expect(breaker.failures).toBe(0);
  });

  it('lets exactly one trial through after recovery; success closes it', () => {
    let now = 0;
    const breaker = new CircuitBreaker(1, 60_000, () => now);
    breaker.failure();
    now = 60_000;
    expect(breaker.allow()).toBe(true);
    expect(breaker.state).toBe('half-open');
    expect(breaker.allow()).toBe(false);
    breaker.success();
    expect(breaker.state).toBe('closed');
    expect(breaker.allow()).toBe(true);
  });

  it('opens again for a full recovery period when the trial fails', () => {
    let now = 0;
    const breaker = new CircuitBreaker(1, 60_000, () => now);
    breaker.failure();
    now = 60_000;
    breaker.allow();
    breaker.failure();
    expect(breaker.state).toBe('open');
    now = 119_000;
    expect(breaker.allow()).toBe(false);
    now = 120_000;
    expect(breaker.allow()).toBe(true);
  });
});
