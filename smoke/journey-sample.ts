import { randomBytes } from 'node:crypto';
import type { HttpClient } from '../core/http/request.ts';
import type { ProbeSettings } from './check-health.ts';
import { checkJson, checkStatus, NO_BUDGET } from './http-check.ts';
import type { SampleJourneyPlan } from './journey-plan.ts';
import { stepResult, type Step } from './journey-login.ts';
import { fail, pass, type Verdict } from './verdict.ts';

const CREATED = [201, 200];
const DELETED = [204, 200];

function idOf(json: unknown): string | undefined {
  const id = (json as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

/**
 * Through the gateway: create a sample, read it back (same id and barcode), delete it, and see it
 * gone. Whatever was created is deleted even when a step fails (through the gateway, else directly
 * at the provider); a failed cleanup fails the journey and names what was left behind.
 */
interface JourneyState {
  id?: string;
  deleted: boolean;
}

type Req = { timeoutMs: number; signal?: AbortSignal | undefined; headers: Record<string, string> };

async function walk(http: HttpClient, plan: SampleJourneyPlan, req: Req, barcode: string, state: JourneyState, steps: Step[]): Promise<Verdict> {
  const created = await checkJson(http, { ...req, method: 'POST', url: plan.createUrl, body: { barcode, sample_type: 'blood' } }, { schema: plan.createSchema, budgetMs: NO_BUDGET, status: CREATED });
  const id = idOf(created.json);
  if (id !== undefined) state.id = id;
  const createFailed = stepResult(steps, 'create', 'POST', plan.createUrl, created.verdict);
  if (createFailed || id === undefined) return createFailed ?? fail({ kind: 'schema', url: plan.createUrl, field: '/id', message: 'create: the response has no id' }, { steps });
  const url = plan.sampleUrl(id);
  const read = await checkJson(http, { ...req, url }, { schema: plan.readSchema, budgetMs: NO_BUDGET, status: [200] });
  const readFailed = stepResult(steps, 'read-back', 'GET', url, read.verdict);
  if (readFailed) return readFailed;
  const got = read.json as { id?: unknown; barcode?: unknown };
  if (idOf(got) !== id || got.barcode !== barcode) {
    return fail({ kind: 'schema', url, field: idOf(got) !== id ? '/id' : '/barcode', message: `read-back: got sample ${String(got.id)}/${String(got.barcode)}, created ${id}/${barcode}` }, { steps });
  }
  const deleteFailed = stepResult(steps, 'delete', 'DELETE', url, await checkStatus(http, { ...req, method: 'DELETE', url }, DELETED));
  if (deleteFailed) return deleteFailed;
  state.deleted = true;
  return stepResult(steps, 'gone', 'GET', url, await checkStatus(http, { ...req, url }, [404])) ?? pass({ url: plan.createUrl, steps, sample: id });
}

/**
 * Through the gateway: create a sample, read it back (same id and barcode), delete it, and see it
 * gone. Whatever was created is deleted even when a step fails or throws (through the gateway, else
 * directly at the provider); a failed cleanup fails the journey and names what was left behind.
 */
export async function sampleJourney(http: HttpClient, plan: SampleJourneyPlan, auth: { header: string; value: string }, runId: string, settings: ProbeSettings): Promise<Verdict> {
  const steps: Step[] = [];
  const req: Req = { timeoutMs: settings.timeoutMs, signal: settings.signal, headers: { [auth.header]: auth.value } };
  const barcode = `SMOKE-${runId}-${randomBytes(3).toString('hex')}`.slice(0, 64);
  const state: JourneyState = { deleted: false };
  let verdict: Verdict;
  try {
    verdict = await walk(http, plan, req, barcode, state, steps);
  } catch (err) {
    verdict = fail({ kind: 'internal', url: plan.createUrl, message: `sample journey crashed: ${err instanceof Error ? err.message : String(err)}` }, { steps });
  }
  if (state.id !== undefined && !state.deleted) verdict = await cleanUp(http, plan, state.id, req, verdict);
  return verdict;
}

async function cleanUp(http: HttpClient, plan: SampleJourneyPlan, id: string, req: Req, verdict: Verdict): Promise<Verdict> {
  const urls = [plan.sampleUrl(id), ...(plan.directSampleUrl ? [plan.directSampleUrl(id)] : [])];
  const tried: string[] = [];
  for (const url of urls) {
    const result = await checkStatus(http, { ...req, method: 'DELETE', url }, [...DELETED, 404]);
    if (result.outcome === 'pass') return { ...verdict, detail: { ...verdict.detail, cleanup: `deleted sample ${id} via ${url}` } };
    tried.push(`DELETE ${url}: ${result.failure?.message ?? 'failed'}`);
  }
  const note = `cleanup failed, sample ${id} may remain (${tried.join('; ')})`;
  const failure = verdict.failure ?? { kind: 'http-status' as const, url: urls[0], message: '' };
  return fail({ ...failure, message: failure.message ? `${failure.message}; ${note}` : note }, { ...verdict.detail, cleanup: note });
}
