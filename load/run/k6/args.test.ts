import { describe, expect, it } from 'vitest';
import { k6RunArgs } from './args.ts';
import { k6ErrorReason } from './error-reason.ts';
import { executionSegments } from './segments.ts';

describe('execution segments', () => {
  it('split N instances without overlap, sharing one sequence', () => {
    expect(executionSegments(3)).toEqual([
      { segment: '0:1/3', sequence: '0,1/3,2/3,1' },
      { segment: '1/3:2/3', sequence: '0,1/3,2/3,1' },
      { segment: '2/3:1', sequence: '0,1/3,2/3,1' },
    ]);
    expect(executionSegments(1)).toEqual([{ segment: '0:1', sequence: '0,1' }]);
    expect(() => executionSegments(0)).toThrow();
  });
});

describe('the k6 command line', () => {
  it('writes gzip JSON and the summary, keeps only the tags used, and passes settings as --env', () => {
    const args = k6RunArgs({
      script: '/p/load/load.ts', rawFile: '/r/k6-2.json.gz', format: 'json', summaryFile: '/r/s.json',
      env: { BASE_URL: 'http://127.0.0.1:1', RATE: '10' }, segment: executionSegments(2)[1], tags: { instance: '2' }, prometheusRw: true,
    });
    expect(args.slice(0, 2)).toEqual(['run', '/p/load/load.ts']);
    expect(args.join(' ')).toContain('--out json=/r/k6-2.json.gz --out experimental-prometheus-rw --summary-export /r/s.json');
    expect(args.join(' ')).toContain('--execution-segment 1/2:1 --execution-segment-sequence 0,1/2,1');
    expect(args.join(' ')).toContain('--include-system-env-vars=false');
    expect(args.join(' ')).toContain('--tag instance=2 --env BASE_URL=http://127.0.0.1:1 --env RATE=10');
  });
});

describe("k6's reason for stopping", () => {
  it('is the first error message without its stack', () => {
    const out = 'time="x" level=warning msg="slow"\ntime="x" level=error msg="Error: --env RATE=abc: must be a number >= 1\\n\\tat num (file:///load/lib/env.ts:39:10(60))\\n" hint="script exception"';
    expect(k6ErrorReason(out)).toBe('--env RATE=abc: must be a number >= 1');
    expect(k6ErrorReason('level=error msg="test aborted: setup: login failed (HTTP 429: rate limited by the gateway)"')).toBe('test aborted: setup: login failed (HTTP 429: rate limited by the gateway)');
    expect(k6ErrorReason('level=error msg="thresholds on metrics \'http_req_failed\' have been crossed"')).toBeUndefined();
  });
});
