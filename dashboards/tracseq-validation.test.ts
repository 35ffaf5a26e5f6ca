import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { METRIC_HELP } from '../gate/run-metrics.ts';

const Dashboard = z.object({
  uid: z.string(),
  title: z.string(),
  panels: z.array(z.object({ id: z.number(), title: z.string(), type: z.string(), gridPos: z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() }), targets: z.array(z.object({ expr: z.string(), refId: z.string() })) })),
  templating: z.object({ list: z.array(z.object({ name: z.string() })) }),
});

describe('the Grafana dashboard', () => {
  const dashboard = Dashboard.parse(JSON.parse(readFileSync(new URL('./tracseq-validation.json', import.meta.url), 'utf8')));
  const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr));
  const used = new Set(exprs.flatMap((e) => e.match(/tracseq_validation_[a-z0-9_]+/g) ?? []));

  it('queries only metrics the gate pushes', () => {
    for (const name of used) expect(Object.keys(METRIC_HELP), name).toContain(name);
  });

  it('shows the outcome, duration, SLI values, error budget and breaking point', () => {
    for (const name of ['tracseq_validation_run_exit_code', 'tracseq_validation_suite_outcome', 'tracseq_validation_suite_duration_seconds', 'tracseq_validation_sli_value', 'tracseq_validation_error_budget_remaining_ratio', 'tracseq_validation_breaking_point_rps']) {
      expect(used, name).toContain(name);
    }
  });

  it('filters every panel by the env and profile variables, with unique panel ids', () => {
    for (const expr of exprs) expect(expr).toContain('env=~"$env",profile=~"$profile"');
    expect(new Set(dashboard.panels.map((p) => p.id)).size).toBe(dashboard.panels.length);
    expect(dashboard.templating.list.map((v) => v.name)).toEqual(['datasource', 'env', 'profile']);
  });
});
