import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadSloFile } from '../slo-file.ts';
import { ratioSlo, thresholdSlo } from '../test-helpers.ts';
import { sloRuleGroups } from './generate.ts';
import { rulesYaml } from './write-rules.ts';

const testdata = (name: string) => new URL(`../../testdata/slo/${name}`, import.meta.url);

describe('rule generation', () => {
  it("matches the golden output for Sloth's getting-started SLO (in-rules.yaml -> out-rules.yaml)", () => {
    const { slos } = loadSloFile(testdata('in-rules.yaml').pathname);
    // After a deliberate change: node bin/tracseq-validate.js slo rules --slo-file testdata/slo/in-rules.yaml --out testdata/slo/out-rules.yaml; review the diff.
    expect(rulesYaml(slos, 'testdata/slo/in-rules.yaml')).toBe(readFileSync(testdata('out-rules.yaml'), 'utf8'));
  });

  it('records the error ratio for every alert window and the 30d period, with Sloth labels', () => {
    const [sli] = sloRuleGroups(ratioSlo());
    expect(sli!.name).toBe('sloth-slo-sli-recordings-svc-availability');
    expect(sli!.rules.map((r) => r.record)).toEqual(['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d'].map((w) => `slo:sli_error:ratio_rate${w}`));
    expect(sli!.rules[0]).toEqual({
      record: 'slo:sli_error:ratio_rate5m',
      expr: '(sum(increase(bad[5m])) or vector(0)) / (sum(increase(total[5m])))',
      labels: { sloth_id: 'svc-availability', sloth_service: 'svc', sloth_slo: 'availability', sloth_window: '5m' },
    });
  });

  it('pages on 14.4x over 1h and 5m or 6x over 6h and 30m; tickets on 3x over 1d and 2h or 1x over 3d and 6h', () => {
    const alerts = sloRuleGroups(ratioSlo())[2]!.rules;
    const pairs = (expr: string) => [...expr.matchAll(/ratio_rate(\w+)\{[^}]*\} > \(([\d.]+) \* \(1 - 0\.999\)\)/g)].map((m) => `${m[1]}>${m[2]}`);
    expect(alerts.map((a) => [a.labels?.['sloth_severity'], pairs(a.expr)])).toEqual([
      ['page', ['5m>14.4', '1h>14.4', '30m>6', '6h>6']],
      ['ticket', ['2h>3', '1d>3', '6h>1', '3d>1']],
    ]);
  });

  it('uses the good events of a latency SLO as total minus fast requests', () => {
    const [sli] = sloRuleGroups(thresholdSlo());
    expect(sli!.rules[0]!.expr).toBe('(sum(increase(all[5m])) - (sum(increase(fast[5m])) or vector(0))) / (sum(increase(all[5m])))');
  });

  it('writes parseable YAML without anchors or aliases', () => {
    const text = rulesYaml([ratioSlo(), thresholdSlo()], 'test');
    expect(text).not.toMatch(/[&*]a\d/);
    expect(parse(text).groups).toHaveLength(6);
  });
});
