import { describe, expect, it } from 'vitest';
import type { StressTable } from '../data.ts';
import { formatStressTable, stressTable, tableInconsistencies } from './stress-table.ts';

const table: StressTable = stressTable({
  breaking: {
    sustainedRps: 2147,
    bestWindow: undefined,
    breakWindow: { start: 1_800_000_000, seconds: 5, requests: 11_000, rps: 2200, errorRate: 0.123, rateLimitedFraction: 0, droppedFraction: 0, p95: 820, vusMax: 540 },
    breakProblems: ['error rate 12.30% >= 1%'],
  },
  recovery: { recovered: true, recoveredAt: 0, seconds: 107, observedS: 120 },
  criteria: { maxErrorRate: 0.01, maxP95Ms: 500, maxDroppedFraction: 0.01 },
  sustainSeconds: 5,
  peakRps: 2300,
  maxConcurrentVus: 547,
  totalRequests: 125_432,
  durationS: 24 * 60,
  vuBudget: 600,
});

describe('the stress table', () => {
  it('states the seeds\' four figures', () => {
    const text = formatStressTable(table);
    expect(text).toContain('Breaking Point: 2,147 req/s');
    expect(text).toContain('Max Concurrent Users: 547 (540 at the break)');
    expect(text).toContain('Error Rate at Breaking: 12.3%');
    expect(text).toContain('Recovery Time: 1m 47s');
  });

  it('derives the average from the totals, so 125,432 requests in 24 minutes is 87 req/s (not the seeds\' 1,234)', () => {
    expect(Math.round(table.averageRps)).toBe(87);
    expect(tableInconsistencies(table)).toEqual([]);
  });

  it('says who ran out when the break is dropped iterations: the VUs, or the generator', () => {
    expect(table.limitedBy).toBeNull();
    const dropping = (vusMax: number) => stressTable({
      breaking: { sustainedRps: 2000, bestWindow: undefined, breakWindow: { start: 1_800_000_000, seconds: 5, requests: 10_000, rps: 2000, errorRate: 0, rateLimitedFraction: 0, droppedFraction: 0.05, p95: 120, vusMax }, breakProblems: ['5.0% of iterations dropped'] },
      recovery: undefined, criteria: { maxErrorRate: 0.01, maxP95Ms: 500, maxDroppedFraction: 0.01 }, sustainSeconds: 5, peakRps: 2100, maxConcurrentVus: vusMax, totalRequests: 10_000, durationS: 5, vuBudget: 800,
    });
    expect(dropping(800).limitedBy).toMatch(/^all 800 VUs were busy waiting for responses/);
    expect(dropping(331).limitedBy).toMatch(/^k6 dropped iterations with 331 of 800 VUs busy: the load generator fell behind/);
    expect(formatStressTable(dropping(331))).toMatch(/\nLimited by: k6 dropped iterations/);
  });

  it('says the generator fell behind when the break is a shortfall against the offered rate, with VUs to spare', () => {
    const short = stressTable({
      breaking: { sustainedRps: 500, bestWindow: undefined, breakWindow: { start: 1_800_000_000, seconds: 5, requests: 2350, rps: 470, errorRate: 0, rateLimitedFraction: 0, droppedFraction: 0, p95: 120, vusMax: 147, offeredRps: 605 }, breakProblems: ['achieved 470 of the 605 req/s offered'] },
      recovery: undefined, criteria: { maxErrorRate: 0.01, maxP95Ms: 500, maxDroppedFraction: 0.01, maxShortfall: 0.2 }, sustainSeconds: 5, peakRps: 900, maxConcurrentVus: 398, totalRequests: 2350, durationS: 5, vuBudget: 600,
    });
    expect(short.broke).toBe(true);
    expect(short.limitedBy).toBe("k6 sent 470 of the 605 req/s offered with 147 of 600 VUs busy: the load generator fell behind (CPU shared with the system, or VUs still starting), so part of this limit is the machine's, not the system's");
  });

  it('tells a run with no window of data from one unhealthy from the start', () => {
    const noData = { ...table, breakingPointRps: null, broke: false };
    expect(formatStressTable(noData)).toMatch(/^Breaking Point: none \(no sustained window of data to judge\)$/m);
    expect(formatStressTable({ ...table, breakingPointRps: null })).toMatch(/^Breaking Point: none \(unhealthy at the lowest rate\)$/m);
  });

  it('catches figures that contradict each other', () => {
    const bad = { ...table, breakingPointRps: 5000, averageRps: 1234, vusAtBreak: 900, recoveryTimeS: null };
    expect(tableInconsistencies(bad)).toEqual([
      'breaking point 5000 req/s exceeds the peak second 2300 req/s',
      'average x duration (1776960) is not the request total 125432',
      'VUs at break 900 exceed the maximum 547',
      'recovered and recovery time disagree',
    ]);
  });
});
