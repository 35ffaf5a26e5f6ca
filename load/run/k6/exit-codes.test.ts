import { describe, expect, it } from 'vitest';
import { mapK6Exit, worstExit } from './exit-codes.ts';

describe("k6's exit codes in the harness's terms", () => {
  it.each([
    [0, 'ok', 0],
    [99, 'thresholds', 1],
    [104, 'config', 2],
    [107, 'config', 2],
    [108, 'aborted', 3],
    [100, 'timeout', 3],
    [105, 'interrupted', 130],
    [110, 'failed', 1],
    [109, 'internal', 70],
    [42, 'internal', 70],
  ] as const)('k6 exit %d is %s, harness exit %d', (code, kind, exit) => {
    expect(mapK6Exit(code)).toMatchObject({ kind, exitCode: exit });
  });

  it('treats a k6 killed by a signal as interrupted', () => {
    expect(mapK6Exit(null, 'SIGTERM')).toMatchObject({ kind: 'interrupted', exitCode: 143 });
  });

  it('takes the most severe outcome of several instances', () => {
    expect(worstExit([mapK6Exit(0), mapK6Exit(99), mapK6Exit(0)]).kind).toBe('thresholds');
    expect(worstExit([mapK6Exit(99), mapK6Exit(107)]).kind).toBe('config');
    expect(worstExit([mapK6Exit(0), mapK6Exit(0)]).kind).toBe('ok');
  });
});
