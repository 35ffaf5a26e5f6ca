import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrometheus, type RunningPrometheus } from '../../infra/prometheus.ts';
import { localText } from '../calendar.ts';
import type { SloTableRow } from '../data.ts';
import { runCli } from '../testing/cli-run.ts';
import { minuteHistory } from '../testing/minute-history.ts';

/**
 * Imported OpenSLO objectives evaluated by a real Prometheus (Debian's) over a backfilled history
 * of known composition (testing/minute-history.ts): a calendar-aligned period counted from its
 * start in its time zone, against a rolling one; Timeslices, RatioTimeslices and threshold slices
 * against Occurrences over the same hour.
 */
const END = Math.floor(Date.now() / 60_000) * 60 - 300; // a whole minute, five minutes ago
const AT = new Date(END * 1000);
const history = minuteHistory(END);
let prom: RunningPrometheus | undefined;
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'openslo-int-'));
  prom = await startPrometheus({ scrapeTargets: [{ job: 'none', targets: ['127.0.0.1:1'] }], openMetrics: history.openMetrics });
}, 120_000);
afterAll(async () => {
  await prom?.stop();
  await rm(dir, { recursive: true, force: true });
});

const ratioSli = `
      ratioMetric:
        counter: true
        good: { metricSource: { type: Prometheus, spec: { query: 'demo_requests_total{service="demo",code!~"5.."}' } } }
        total: { metricSource: { type: Prometheus, spec: { query: 'demo_requests_total{service="demo"}' } } }`;
const slo = (name: string, timeWindow: string, budgeting: string, objective: string, sli = ratioSli) => `- apiVersion: openslo/v1
  kind: SLO
  metadata: { name: ${name} }
  spec:
    service: demo
    indicator:
      metadata: { name: ${name}-sli }
      spec:${sli.replace(/\n/g, '\n  ')}
    timeWindow: [${timeWindow}]
    budgetingMethod: ${budgeting}
    objectives: [${objective}]
`;

async function evaluate(name: string, text: string, window: string): Promise<{ code: number | null; rows: SloTableRow[]; out: string }> {
  const file = join(dir, `${name}.yaml`);
  await writeFile(file, text);
  const run = await runCli(['slo', 'evaluate', '--prometheus', prom!.url, '--slo-file', file, '--window', window, '--at', AT.toISOString(), '--no-store'],
    { TRACSEQ_REPORTS_DIR: join(dir, 'reports'), TRACSEQ_SLO_HISTORY_DIR: join(dir, 'history') });
  const slo = run.report?.suites[0];
  return { code: run.code, rows: slo?.suite === 'slo' ? (slo.data?.slos ?? []) : [], out: `${run.stdout}${run.stderr}` };
}
const row = (rows: SloTableRow[], id: string) => rows.find((r) => r.id === id)!;

describe('imported OpenSLO objectives against a real Prometheus', () => {
  const hour = 1 - history.lastHour.bad / history.lastHour.total;
  const day = 1 - (history.lastHour.bad + history.before.bad) / (history.lastHour.total + history.before.total);

  it("counts a calendar period from its start in its time zone (Asia/Kolkata, +05:30), where a rolling day would fail", async () => {
    // The calendar day began an hour before AT, local time in Kolkata; the bad history is older.
    const calendar = `{ duration: 1d, calendar: { startTime: '${localText(new Date(AT.getTime() - 3_600_000), 'Asia/Kolkata')}', timeZone: Asia/Kolkata } }`;
    const text = slo('calendar-day', calendar, 'Occurrences', '{ target: 0.95 }') + slo('rolling-day', '{ duration: 1d, isRolling: true }', 'Occurrences', '{ target: 0.95 }');
    const { rows, code, out } = await evaluate('calendar', text, 'period');
    const cal = row(rows, 'demo:calendar-day');
    const rolling = row(rows, 'demo:rolling-day');
    expect(cal.sloOutcome, out).toBe('pass');
    expect(cal.rawValue!).toBeCloseTo(hour, 6);
    expect(cal.window).toBe('1h');
    expect(cal.budgetPeriod).toBe(`1d since ${localText(new Date(AT.getTime() - 3_600_000), 'Asia/Kolkata')} Asia/Kolkata`);
    expect(cal.budgetRemaining!).toBeCloseTo(1 - (1 - hour) / 0.05, 4);
    expect(rolling.sloOutcome).toBe('fail');
    expect(rolling.rawValue!).toBeCloseTo(day, 4);
    expect(rolling.budgetRemaining!).toBeLessThan(0);
    expect(code).toBe(1);
    // Over a shorter evaluation window, the calendar budget still counts from the period's start.
    const short = await evaluate('calendar-short', text, '30m');
    expect(row(short.rows, 'demo:calendar-day').budgetRemaining!).toBeCloseTo(cal.budgetRemaining!, 6);
  });

  it('judges Timeslices per 1m slice against timeSliceTarget, unlike Occurrences and RatioTimeslices over the same hour', async () => {
    const rolling = '{ duration: 1d, isRolling: true }';
    const text = [
      slo('occurrences', rolling, 'Occurrences', '{ target: 0.95 }'),
      slo('good-minutes', rolling, 'Timeslices', '{ target: 0.75, timeSliceTarget: 0.95, timeSliceWindow: 1m }'),
      slo('good-minutes-strict', rolling, 'Timeslices', '{ target: 0.9, timeSliceTarget: 0.95, timeSliceWindow: 1m }'),
      slo('mean-minute', rolling, 'RatioTimeslices', '{ target: 0.95, timeSliceWindow: 1m }'),
      slo('short-queue-minutes', rolling, 'Timeslices', '{ op: lt, value: 100, target: 0.85, timeSliceWindow: 1 }',
        "\n      thresholdMetric: { metricSource: { type: Prometheus, spec: { query: 'max(demo_queue_depth{service=\"demo\"})' } } }"),
    ].join('');
    // 10 s short of an hour: the window holds exactly the hour's 60 slices, whether range starts are inclusive or not.
    const { rows, out } = await evaluate('slices', text, '3590s');
    const got = (id: string) => [row(rows, `demo:${id}`).sloOutcome, row(rows, `demo:${id}`).rawValue];
    expect(got('occurrences')[0], out).toBe('pass');
    expect(got('occurrences')[1]).toBeGreaterThan(0.97);
    // 12 of the 60 minutes (every fifth) hold half 5xx: 48 good minutes.
    expect(got('good-minutes')).toEqual(['pass', expect.closeTo(48 / 60, 9)]);
    expect(got('good-minutes-strict')).toEqual(['fail', expect.closeTo(48 / 60, 9)]);
    // The mean of the minutes' good ratios: 48 at 100%, 12 at 50%.
    expect(got('mean-minute')).toEqual(['fail', expect.closeTo((48 + 12 * 0.5) / 60, 9)]);
    // The queue is over 100 in 6 minutes (every tenth).
    expect(got('short-queue-minutes')).toEqual(['pass', expect.closeTo(54 / 60, 9)]);
    expect(row(rows, 'demo:good-minutes').budgetRemaining).toBeDefined();
  });
});
