import { join } from 'node:path';
import { UnreachableError } from '../../../core/errors.ts';
import { isExecutable, pathDirs } from '../../../infra/binary.ts';

/**
 * Finds the k6 binary: an explicit path (--k6 or $K6_BINARY), the project's .tools/bin/k6 (built by
 * scripts/setup), then PATH. Missing k6 is exit 3 with how to get it.
 */
export const K6_HOW_TO_GET =
  'get it with `scripts/setup` (builds k6 v2.2.0 into .tools/bin via `go install go.k6.io/k6/v2@v2.2.0`), ' +
  'or install k6 (https://grafana.com/docs/k6/latest/set-up/install-k6/) and put it on PATH, or set K6_BINARY';

export function locateK6(projectRoot: string, env: NodeJS.ProcessEnv, explicit?: string): string {
  const chosen = explicit ?? env['K6_BINARY'];
  if (chosen) {
    if (isExecutable(chosen)) return chosen;
    throw new UnreachableError(`k6 not found at ${chosen} (${explicit ? '--k6' : 'K6_BINARY'}): ${K6_HOW_TO_GET}`);
  }
  const local = join(projectRoot, '.tools', 'bin', 'k6');
  const candidates = [local, ...pathDirs(env).map((dir) => join(dir, 'k6'))];
  const found = candidates.find(isExecutable);
  if (found) return found;
  throw new UnreachableError(`k6 not found (looked in ${local} and on PATH): ${K6_HOW_TO_GET}`);
}
