import { describe, expect, it } from 'vitest';
import { parentPidFromStat } from './descendants.ts';

describe('reading /proc stat lines', () => {
  it.each([
    ['1234 (node) S 1200 1234 1234 0 -1', 1200],
    ['77 (k6 run (x) y) R 42 77 77 0 -1', 42],
    ['garbage', undefined],
  ])('%s has parent %s', (line, ppid) => {
    expect(parentPidFromStat(line)).toBe(ppid);
  });
});
