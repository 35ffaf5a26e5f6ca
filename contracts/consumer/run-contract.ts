import type { Catalog } from '../../core/catalog/schema.ts';
import type { CaseResult } from './case-result.ts';
import type { ConsumerContract } from './consumer-contract.ts';
import { pactFor } from './pact-for.ts';

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message || String(err) : String(err);
}

/** Each case's deadline: a consumer that never answers fails its case, not the whole run. */
const CASE_DEADLINE_MS = 60_000;

async function withDeadline(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish within ${ms} ms`)), ms);
  });
  try {
    await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs one consumer contract's cases in order against a fresh pact (its file in `dir` regenerated from
 * empty), reporting each case as it finishes. A case that throws or passes its deadline fails alone; a
 * contract whose cases cannot be listed is one failing result named `(cases)`.
 */
export async function runContract(contract: ConsumerContract, catalog: Catalog, dir: string, report: (result: CaseResult) => void, deadlineMs = CASE_DEADLINE_MS): Promise<void> {
  const who = { consumer: contract.consumer, provider: contract.provider };
  let cases;
  try {
    cases = contract.cases(catalog);
  } catch (err) {
    report({ ...who, name: '(cases)', outcome: 'fail', message: messageOf(err), durationMs: 0 });
    return;
  }
  const pact = pactFor(contract.consumer, contract.provider, dir);
  for (const c of cases) {
    const started = performance.now();
    const named = { ...who, name: c.name, ...(c.where !== undefined ? { where: c.where } : {}) };
    try {
      await withDeadline(c.run(pact, c.description), deadlineMs);
      report({ ...named, outcome: 'pass', durationMs: Math.round(performance.now() - started) });
    } catch (err) {
      report({ ...named, outcome: 'fail', message: messageOf(err), durationMs: Math.round(performance.now() - started) });
    }
  }
}
