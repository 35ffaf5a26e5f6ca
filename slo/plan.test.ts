import { describe, expect, it } from 'vitest';
import { planSlo } from './plan.ts';
import { ratioSlo } from './test-helpers.ts';

const AT = new Date('2026-05-17T12:00:00Z');
const monthly = ratioSlo({ windowDays: 30, calendar: { duration: '1M', startTime: '2022-01-01 00:00:00', timeZone: 'America/New_York' } });

describe('planning an SLO', () => {
  it('counts a rolling budget over windowDays and the SLI over the evaluation window', () => {
    const plan = planSlo(ratioSlo(), 3_600_000, AT);
    expect([plan.window, plan.period, plan.periodRange]).toEqual(['1h', '30d', '30d']);
    expect(plan.budget?.total).toBe('sum(increase(total[30d]))');
  });

  it("counts a calendar budget from the period's start in its time zone", () => {
    const plan = planSlo(monthly, 3_600_000, AT);
    // 2026-05-01 00:00 in New York is 04:00 UTC: 16 days 8 hours before AT.
    expect(plan.period).toBe('1M since 2026-05-01 00:00 America/New_York');
    expect(plan.periodRange).toBe(`${16 * 24 + 8}h`);
    expect(plan.budget?.total).toBe(`sum(increase(total[${16 * 24 + 8}h]))`);
    expect(plan.sli).toMatchObject({ total: 'sum(increase(total[1h]))' });
    expect(plan.windows.map((w) => w.longWindow)).toEqual(['1h', '6h', '1d', '3d']);
  });

  it("judges over the SLO's own period with window 'period'", () => {
    expect(planSlo(monthly, 'period', AT).sli).toMatchObject({ total: `sum(increase(total[${16 * 24 + 8}h]))` });
    expect(planSlo(ratioSlo({ windowDays: 7 }), 'period', AT).sli).toMatchObject({ total: 'sum(increase(total[7d]))' });
  });
});
