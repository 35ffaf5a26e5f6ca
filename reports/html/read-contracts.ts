import { z } from 'zod';
import { Outcome, type SuiteResult } from '../../core/result.ts';
import type { ContractCell } from './model.ts';

const Pair = z.object({
  consumer: z.string(),
  provider: z.string(),
  kind: z.string().optional(),
  outcome: z.string(),
  note: z.string().optional(),
});

const outcome = (text: string): ContractCell['outcome'] => {
  const parsed = Outcome.safeParse(text);
  return parsed.success ? parsed.data : 'inconclusive';
};

/**
 * The consumer/provider pairs: the suite's `data.matrix` when it has one, else its checks whose
 * service names a pair (`consumer->provider`) or whose detail carries consumer and provider.
 */
export function readContractCells(result: SuiteResult | undefined): ContractCell[] {
  if (!result) return [];
  const matrix = z.object({ matrix: z.array(z.unknown()) }).safeParse(result.data);
  if (matrix.success) {
    return matrix.data.matrix.flatMap((raw) => {
      const p = Pair.safeParse(raw);
      return p.success ? [{ ...p.data, outcome: outcome(p.data.outcome) }] : [];
    });
  }
  return result.checks.flatMap((check): ContractCell[] => {
    const detail = z.object({ consumer: z.string(), provider: z.string(), kind: z.string().optional() }).safeParse(check.detail);
    const [consumer, provider] = detail.success ? [detail.data.consumer, detail.data.provider] : (check.service ?? '').split('->');
    if (!consumer || !provider) return [];
    return [{ consumer, provider, kind: detail.success ? detail.data.kind : undefined, outcome: check.outcome, note: check.failure?.message }];
  });
}
