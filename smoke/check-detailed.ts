import { dependencyFailure, redactSecrets, statusFailure } from '../core/http/classify-response.ts';
import type { HttpClient } from '../core/http/request.ts';
import { HEALTH_DETAILED, type HealthDetailed } from '../core/health-detailed.ts';
import { budget, type ProbeSettings } from './check-health.ts';
import { checkJson } from './http-check.ts';
import { DEFAULT_BUDGET_MS } from './plan.ts';
import { fail, type Verdict } from './verdict.ts';

/** Judges a parsed /health/detailed body: any unhealthy dependency fails, named with its target. */
export function judgeDetailed(url: string, status: number, body: HealthDetailed, detail: Record<string, unknown>): Verdict | undefined {
  const deps = Object.entries(body.dependencies);
  const down = deps.filter(([, d]) => d.status === 'unhealthy');
  const dependencies = Object.fromEntries(deps.map(([name, d]) => [name, d.status]));
  const full = { ...detail, dependencies };
  if (down.length > 0) {
    const [name, dep] = down[0]!;
    const failure = dependencyFailure(url, name, dep);
    const others = down.slice(1).map(([n, d]) => `${n}${d.target ? ` at ${redactSecrets(d.target)}` : ''}`);
    return fail(others.length > 0 ? { ...failure, message: `${failure.message}; also unhealthy: ${others.join(', ')}` } : failure, full);
  }
  if (status !== 200) return fail({ ...statusFailure(url, status, 200), message: `HTTP ${status}, expected 200, though every dependency reports healthy` }, full);
  const degraded = deps.filter(([, d]) => d.status === 'degraded').map(([n]) => n);
  if (degraded.length > 0) return { outcome: 'warn', detail: { ...full, reason: `degraded dependencies: ${degraded.join(', ')}` } };
  if (body.status !== 'healthy') return fail({ kind: 'dependency-down', url, field: '/status', message: `reports status "${body.status}" with every dependency healthy` }, full);
  return undefined;
}

/** `; slowest dependency: sample-service (612 ms)` when the body reports latencies: who made the check slow. */
export function slowestDependency(body: HealthDetailed): string {
  const timed = Object.entries(body.dependencies).filter(([, d]) => d.latency_ms !== undefined);
  if (timed.length === 0) return '';
  const [name, dep] = timed.reduce((a, b) => (b[1].latency_ms! > a[1].latency_ms! ? b : a));
  return `; slowest dependency: ${name} (${Math.round(dep.latency_ms!)} ms)`;
}

/**
 * GET /health/detailed (TracSeq's format): every dependency it reports must be healthy. A down
 * dependency fails the check naming the dependency and where the service looks for it (seed 001's
 * "connects to localhost instead of DATABASE_URL"); a 503 with all dependencies healthy is a status failure.
 */
export async function checkDetailed(http: HttpClient, url: string, settings: ProbeSettings): Promise<Verdict> {
  const { verdict, json, status, text } = await checkJson(
    http,
    { url, timeoutMs: settings.timeoutMs, signal: settings.signal },
    { status: [200, 503], schema: HEALTH_DETAILED, budgetMs: budget(settings, DEFAULT_BUDGET_MS) },
  );
  if (verdict.failure?.kind === 'schema' && status !== undefined && status !== 200) return fail(statusFailure(url, status, 200, text), verdict.detail);
  if (verdict.outcome === 'fail' && verdict.failure?.kind !== 'slow') return verdict;
  const body = json as HealthDetailed;
  const judged = judgeDetailed(url, status ?? 0, body, verdict.detail);
  if (judged) return judged;
  if (verdict.failure?.kind === 'slow') {
    // Slow twice fails; slow once (a cold start) stays a warning, now naming who made it slow.
    const message = `${verdict.failure.message}${slowestDependency(body)}`;
    return { ...verdict, failure: { ...verdict.failure, message }, detail: { ...verdict.detail, ...(verdict.outcome === 'warn' ? { reason: message } : {}) } };
  }
  return { ...verdict, detail: { ...verdict.detail, dependencies: Object.fromEntries(Object.entries(body.dependencies).map(([n, d]) => [n, d.status])) } };
}
