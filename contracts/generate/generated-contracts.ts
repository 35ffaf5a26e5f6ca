import { plannedInteractions, type InteractionPlan } from '../../core/catalog/example-pins.ts';
import type { Catalog } from '../../core/catalog/schema.ts';
import { catalogSchemas } from '../../core/catalog/schemas.ts';
import { ConfigError } from '../../core/errors.ts';
import type { ConsumerCase, ConsumerContract } from '../consumer/consumer-contract.ts';
import { claimedEdgeName } from '../coverage/coverage.ts';
import { httpCase } from './http-case.ts';
import { messageCase } from './message-case.ts';

const pairKey = (consumer: string, provider: string) => `${consumer}--${provider}`;

/**
 * The edges the hand-written contracts claim, as `consumer--provider--edge`; a pair whose hand-written
 * contract cannot even list its cases claims every edge (`consumer--provider--*`): its failure is reported
 * as it is, and no generated case joins it.
 */
function claimedEdges(handWritten: readonly ConsumerContract[], catalog: Catalog): Set<string> {
  const claimed = new Set<string>();
  for (const contract of handWritten) {
    const pair = pairKey(contract.consumer, contract.provider);
    try {
      for (const c of contract.cases(catalog)) claimed.add(`${pair}--${claimedEdgeName(c.description) ?? c.description}`);
    } catch {
      claimed.add(`${pair}--*`);
    }
  }
  return claimed;
}

function caseOf(plan: InteractionPlan): ConsumerCase {
  return plan.kind === 'http' ? httpCase(plan) : messageCase(plan);
}

/**
 * The consumer contracts to run: the hand-written ones, plus a case generated from the catalog for every
 * HTTP dependency or published event with an example whose edge no hand-written case covers (a
 * hand-written case wins). A generated case of a pair that has a hand-written contract joins that
 * contract (one pact file per pair); the other pairs get a contract of generated cases only.
 */
export function withGenerated(handWritten: readonly ConsumerContract[], catalog: Catalog): ConsumerContract[] {
  const { plans, problems } = plannedInteractions(catalog, catalogSchemas(catalog));
  if (problems.length > 0) throw new ConfigError(`catalog ${catalog.system}: examples that cannot be pinned`, problems);
  const claimed = claimedEdges(handWritten, catalog);
  const generated = new Map<string, ConsumerCase[]>();
  const pairs: { consumer: string; provider: string }[] = [];
  for (const plan of plans) {
    const pair = pairKey(plan.consumer, plan.provider);
    if (claimed.has(`${pair}--${plan.edge}`) || claimed.has(`${pair}--*`)) continue;
    if (!generated.has(pair)) {
      generated.set(pair, []);
      pairs.push({ consumer: plan.consumer, provider: plan.provider });
    }
    generated.get(pair)!.push(caseOf(plan));
  }
  const joined = handWritten.map((contract): ConsumerContract => {
    const extra = generated.get(pairKey(contract.consumer, contract.provider));
    return extra ? { ...contract, cases: (c) => [...contract.cases(c), ...extra] } : contract;
  });
  const own = new Set(handWritten.map((c) => pairKey(c.consumer, c.provider)));
  const alone = pairs.filter((p) => !own.has(pairKey(p.consumer, p.provider))).map((p): ConsumerContract => ({
    ...p,
    title: 'generated from the catalog examples',
    cases: () => generated.get(pairKey(p.consumer, p.provider)) ?? [],
  }));
  return [...joined, ...alone];
}
