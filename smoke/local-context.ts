import { loadCatalog } from '../core/catalog/load.ts';
import { resolveCatalog, selectServices } from '../core/catalog/resolve.ts';
import type { SuiteContext } from '../core/suite.ts';

/** A SuiteContext for the `local` environment with extra env vars (a running stack's <ID>_URL, POSTGRES_URL...). */
export function localSuiteContext(env: Record<string, string>, services?: string[], runId = 'int-test'): SuiteContext {
  const processEnv = { ...process.env, ...env };
  return {
    resolved: selectServices(resolveCatalog(loadCatalog(), 'local', processEnv), services),
    runId,
    reportDir: '/nonexistent',
    signal: new AbortController().signal,
    log: () => {},
    env: processEnv,
    now: () => new Date(),
  };
}
