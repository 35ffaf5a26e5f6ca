import { existsSync } from 'node:fs';
import { catalogPath, loadCatalog } from '../catalog/load.ts';
import { resolveCatalog, selectServices } from '../catalog/resolve.ts';
import type { RunReport, SuiteName, SuiteResult } from '../result.ts';
import type { SuiteContext } from '../suite.ts';
import { drive } from './drive.ts';
import type { RunIo } from './io.ts';
import { suiteErrorResult } from './suite-error.ts';

export interface SuiteCommandSpec {
  /** `smoke`, `contracts verify`, `load run stress`, ... */
  readonly command: string;
  readonly suite: SuiteName;
  readonly env: string;
  readonly catalog?: string | undefined;
  readonly services?: readonly string[] | undefined;
  readonly target?: string | undefined;
}

/**
 * One suite as a CLI command, through the run driver: the catalog is loaded and resolved first (a
 * bad one throws, exit 2, nothing written). A suite that throws after it began writing into its run
 * folder (k6 output, say) gets a report naming the error, so no folder is left half-written;
 * otherwise the error goes back to the entry and nothing is written.
 */
export async function runSuiteCommand(io: RunIo, spec: SuiteCommandSpec, run: (ctx: SuiteContext) => Promise<SuiteResult>): Promise<RunReport> {
  const resolved = selectServices(resolveCatalog(loadCatalog(catalogPath(spec.catalog, io.env)), spec.env, io.env), spec.services);
  return drive({ command: spec.command, env: spec.env, target: spec.target }, io, async (scope) => {
    const ctx = scope.context(resolved);
    const started = new Date();
    try {
      return { results: [await run(ctx)], errors: [] };
    } catch (err) {
      if (!existsSync(ctx.reportDir)) throw err;
      return { results: [suiteErrorResult(spec.suite, err, started, new Date()).result], errors: [scope.fail(err)] };
    }
  });
}
