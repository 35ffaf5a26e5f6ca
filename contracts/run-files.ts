import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { catalogEdges } from '../core/catalog/edges.ts';
import type { Check } from '../core/result.ts';
import type { SuiteContext } from '../core/suite.ts';
import { checkCoverage } from './coverage/coverage.ts';
import { coverageChecks } from './coverage/coverage-checks.ts';
import { summarizePact } from './coverage/pact-summary.ts';
import { appendMatrix } from './matrix/matrix-store.ts';
import { matrixRows } from './matrix/matrix-rows.ts';
import type { MatrixRow } from './matrix/matrix-schema.ts';
import { assertCatalogProviders } from './pact/catalog-providers.ts';
import type { LoadedPact } from './pact/pact-file.ts';
import { verifyPacts } from './verify/verify-pacts.ts';

export interface FilesRunInput {
  readonly pacts: readonly LoadedPact[];
  readonly providers: readonly string[] | undefined;
  readonly consumerVersion: string;
  readonly providerVersion: string;
  readonly matrixFile: string;
}

export interface FilesRunOutput {
  readonly checks: Check[];
  readonly rows: MatrixRow[];
  readonly verifyMs: number;
}

/**
 * Coverage against the catalog, then verification of each provider's pact files (any specification
 * version), then the matrix. A pact whose provider is not a catalog service is a ConfigError (exit 2).
 */
export async function runFiles(ctx: SuiteContext, input: FilesRunInput): Promise<FilesRunOutput> {
  const { catalog } = ctx.resolved;
  assertCatalogProviders(input.pacts, catalog);
  const only = (provider: string) => !input.providers || input.providers.includes(provider);
  const edges = catalogEdges(catalog).filter((e) => only(e.provider));
  const pacts = input.pacts.filter((p) => only(p.pact.provider.name));
  const checks: Check[] = coverageChecks(checkCoverage(edges, pacts.map(summarizePact), catalog.services.map((s) => s.id)));
  const started = Date.now();
  const perPact = ctx.signal.aborted ? [] : await verifyPacts({ pacts, resolved: ctx.resolved, env: ctx.env, signal: ctx.signal, log: ctx.log });
  const verifyMs = Date.now() - started;
  checks.push(...perPact.flat());
  const rows = matrixRows(pacts, perPact, {
    consumerVersion: input.consumerVersion,
    providerVersion: input.providerVersion,
    environment: ctx.resolved.env,
    runId: ctx.runId,
    verifiedAt: ctx.now().toISOString(),
  });
  if (rows.length > 0) await appendMatrix(input.matrixFile, rows);
  await mkdir(ctx.reportDir, { recursive: true });
  await writeFile(join(ctx.reportDir, 'contracts-matrix.json'), `${JSON.stringify({ matrixVersion: 1, rows }, null, 2)}\n`);
  return { checks, rows, verifyMs };
}
