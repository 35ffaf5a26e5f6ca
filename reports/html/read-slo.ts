import { z } from 'zod';
import { Outcome, type SuiteResult } from '../../core/result.ts';
import type { SloRow } from './model.ts';

/**
 * One row of the SLO suite's table (`data.slos`, slo/checks.ts SloTableRow), read loosely: the
 * page and the pushed metrics use what is there and leave out rows that do not parse.
 */
const Row = z.object({
  id: z.string(),
  name: z.string(),
  service: z.string().optional(),
  objective: z.string(),
  value: z.string(),
  rawValue: z.number().optional(),
  outcome: Outcome,
  budgetConsumed: z.number().optional(),
  budgetRemaining: z.number().optional(),
});
const Data = z.object({ slos: z.array(z.unknown()) });

/** The SLO table from the SLO suite's `data.slos`. */
export function readSloRows(result: SuiteResult | undefined): SloRow[] {
  const data = Data.safeParse(result?.data);
  if (!data.success) return [];
  return data.data.slos.flatMap((raw): SloRow[] => {
    const row = Row.safeParse(raw);
    if (!row.success) return [];
    const r = row.data;
    return [{
      id: r.id,
      name: r.name,
      service: r.service,
      objective: r.objective,
      value: r.value,
      sli: r.rawValue,
      outcome: r.outcome,
      budgetRemaining: r.budgetRemaining,
      budgetConsumed: r.budgetConsumed,
    }];
  });
}
