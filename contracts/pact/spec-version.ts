import { ConfigError } from '../../core/errors.ts';

/** Where pact files keep their specification version: pact-specification (early files), pactSpecification, or PactNet's pactSpecificationVersion. */
const VERSION_KEYS = [['pact-specification', 'version'], ['pactSpecification', 'version'], ['pactSpecificationVersion']] as const;

function lookup(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), value);
}

/** A pact file's specification version: its major (1 to 4) and the text it came from. */
export interface SpecVersion {
  readonly major: 1 | 2 | 3 | 4;
  /** The version as written, or a note that it was assumed. */
  readonly text: string;
}

/**
 * The specification version in a pact's metadata. Like the Pact verifier core: no version at all is
 * taken as V3; a version whose major is not 1 to 4 is a ConfigError naming the file and the field.
 */
export function specVersion(json: Record<string, unknown>, file: string): SpecVersion {
  for (const path of VERSION_KEYS) {
    const raw = lookup(json['metadata'], path);
    if (raw === undefined) continue;
    const major = typeof raw === 'string' || typeof raw === 'number' ? Number(/^\s*v?(\d+)(?:\.|\s*$)/i.exec(String(raw))?.[1]) : NaN;
    if (major === 1 || major === 2 || major === 3 || major === 4) return { major, text: String(raw) };
    throw new ConfigError(`${file}: unknown Pact specification version ${JSON.stringify(raw)} at metadata.${path.join('.')} (the Pact verifier reads versions 1 to 4)`);
  }
  return { major: 3, text: '3 (assumed: the metadata names no version)' };
}
