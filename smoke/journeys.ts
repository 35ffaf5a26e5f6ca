import type { Check } from '../core/result.ts';
import { isMissing, type JourneyPlan } from './journey-plan.ts';
import { loginJourney } from './journey-login.ts';
import { credential } from './token.ts';
import { sampleJourney } from './journey-sample.ts';
import { retried, unreachable, type SmokeRuntime } from './service-checks.ts';
import { skip, timedCheck, type Verdict } from './verdict.ts';

/** Names the services a journey failure went through: `sample-service via api-gateway, create: ...`. */
function routed(route: string, verdict: Verdict): Verdict {
  return verdict.failure ? { ...verdict, failure: { ...verdict.failure, message: `${route}, ${verdict.failure.message}` } } : verdict;
}

export const LOGIN_JOURNEY = 'journey:login';
export const SAMPLE_JOURNEY = 'journey:sample-lifecycle';

/**
 * The gateway journeys, each in its own order: login -> token -> current user; then, with that
 * token, create -> read back -> delete a sample (never retried, since it writes; always cleaned up).
 * They start once the gateway's health check is in, and are skipped with the reason when it did not answer.
 */
export async function journeyChecks(plan: JourneyPlan, rt: SmokeRuntime, gatewayHealth: Promise<Check | undefined>, loginBody: Record<string, unknown>, runId: string): Promise<Check[]> {
  const who = (name: string) => ({ service: plan.gatewayId, name });
  const health = await gatewayHealth;
  if (unreachable(health)) {
    const reason = `not run: ${plan.gatewayId} did not answer its health check (${health?.failure?.kind})`;
    return Promise.all([LOGIN_JOURNEY, SAMPLE_JOURNEY].map((name) => timedCheck(who(name), async () => skip(reason))));
  }
  let token: string | undefined;
  const { login, currentUser, sample } = plan;
  const loginCheck = await timedCheck(who(LOGIN_JOURNEY), async () => {
    if (isMissing(login)) return skip(login.missing);
    if (isMissing(currentUser)) return skip(currentUser.missing);
    return retried(rt, async () => {
      const result = await loginJourney(rt.http, login, loginBody, currentUser, rt.settings);
      token = result.token ?? token;
      return routed(plan.loginRoute, result.verdict);
    });
  });
  const sampleCheck = await timedCheck(who(SAMPLE_JOURNEY), async () => {
    if (isMissing(sample)) return skip(sample.missing);
    if (!token || isMissing(login)) return skip(`not run: needs the token from ${LOGIN_JOURNEY}, which did not pass`);
    const verdict = routed(plan.sampleRoute, await sampleJourney(rt.http, sample, credential(login.use, token), runId, rt.settings));
    return rt.retries > 0 ? { ...verdict, detail: { ...verdict.detail, retries: 'not applied: this journey writes' } } : verdict;
  });
  return [loginCheck, sampleCheck];
}
