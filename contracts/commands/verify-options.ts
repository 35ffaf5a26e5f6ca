import { UsageError } from '../../core/errors.ts';
import type { Catalog } from '../../core/catalog/schema.ts';
import { catalogEdges } from '../../core/catalog/edges.ts';
import type { ContractsOptions } from '../options.ts';

export interface VerifyFlags {
  readonly provider?: readonly string[] | undefined;
  readonly pacts?: string | undefined;
  readonly broker?: string | undefined;
  readonly providerVersion?: string | undefined;
  readonly consumerVersion?: string | undefined;
  readonly matrix?: string | undefined;
}

/** Splits repeated and comma-separated `--provider` values. */
export function providerList(values: readonly string[] | undefined): string[] | undefined {
  const list = (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  return list.length > 0 ? list : undefined;
}

/** The `--provider` list, each checked against the catalog's contract providers (UsageError listing them). */
export function checkedProviders(values: readonly string[] | undefined, catalog: Catalog): string[] | undefined {
  const providers = providerList(values);
  const known = [...new Set(catalogEdges(catalog).map((e) => e.provider))].sort();
  const unknown = (providers ?? []).filter((p) => !known.includes(p));
  if (unknown.length > 0) throw new UsageError(`--provider: ${unknown.map((u) => `"${u}"`).join(', ')} provides no contract in the catalog (providers: ${known.join(', ')})`);
  return providers;
}

/**
 * `contracts verify` flags -> suite options. The source is `--pacts DIR`, or `--broker URL`, or (neither)
 * the broker in PACT_BROKER_BASE_URL when set, else the default pacts folder. Pacts are never regenerated here.
 */
export function verifyOptions(flags: VerifyFlags, catalog: Catalog, env: NodeJS.ProcessEnv): ContractsOptions {
  if (flags.pacts !== undefined && flags.broker !== undefined) throw new UsageError('contracts verify: give --pacts DIR or --broker URL, not both');
  const providers = checkedProviders(flags.provider, catalog);
  const broker = flags.broker ?? (flags.pacts === undefined ? env['PACT_BROKER_BASE_URL'] : undefined);
  return {
    useExistingPacts: true,
    pactsDir: flags.pacts,
    broker: broker || undefined,
    providers,
    providerVersion: flags.providerVersion,
    consumerVersion: flags.consumerVersion,
    matrixFile: flags.matrix,
  };
}
