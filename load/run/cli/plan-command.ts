import { catalogPath, loadCatalog } from '../../../core/catalog/load.ts';
import { resolveCatalog } from '../../../core/catalog/resolve.ts';
import { buildPlan } from '../endpoints/build-plan.ts';

/**
 * `load plan`: the endpoints scenario's plan for an environment, as JSON on stdout, for
 * `k6 run load/endpoints.ts --env PLAN_FILE=$PWD/plan.json`. What is left out, and the env vars the
 * login needs (never written into the plan), go to stderr.
 */
export function planCommand(flags: { env: string }, catalog: string | undefined): void {
  const plan = buildPlan(resolveCatalog(loadCatalog(catalogPath(catalog)), flags.env));
  process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
  for (const left of plan.leftOut) process.stderr.write(`not loaded: ${left.service} ${left.endpoint}: ${left.reason}\n`);
  const secrets = Object.values(plan.auth?.secrets ?? {});
  if (secrets.length > 0) process.stderr.write(`the login needs ${secrets.map((name) => `--env ${name}=...`).join(' ')} (not written into the plan)\n`);
}
