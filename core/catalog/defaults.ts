import { CatalogDefaultsSchema } from './schema-health.ts';

type Raw = Record<string, unknown>;

const isObject = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Health fields that only mean something for one body kind: they follow the default body, not a service that chose another. */
const BODY_FIELDS = ['match', 'field', 'healthy', 'degraded', 'schema'];

/**
 * The health defaults as they apply to a service's own health: all of them, or, when the service
 * chose another body kind (json where the default is text), only those that fit any body.
 */
function healthDefaults(defaults: Raw, own: unknown): Raw {
  const ownBody = isObject(own) ? own['body'] : undefined;
  if (ownBody === undefined || ownBody === (defaults['body'] ?? 'json')) return defaults;
  return Object.fromEntries(Object.entries(defaults).filter(([k]) => !BODY_FIELDS.includes(k)));
}

/** `{...defaults, ...own}` for an object the service gave (or the defaults alone when it gave none); anything else is left for the schema to reject. */
function under(defaults: Raw | undefined, own: unknown): unknown {
  if (!defaults) return own;
  if (own === undefined) return { ...defaults };
  return isObject(own) ? { ...defaults, ...own } : own;
}

/**
 * Merges the catalog's `defaults:` under every `kind: http` service of the raw document (health,
 * metrics, and each key endpoint), field by field, before the schema fills in its own defaults: the
 * service's own values win, and a service that picks another health body kind takes none of the
 * default's body fields (a text regex does not follow a service into JSON). A `defaults` block that is itself invalid is not merged (the schema
 * reports it once, at `defaults...`, rather than once per service).
 */
export function mergeDefaults(raw: unknown): unknown {
  if (!isObject(raw) || !Array.isArray(raw['services'])) return raw;
  const parsed = CatalogDefaultsSchema.safeParse(raw['defaults'] ?? {});
  if (!parsed.success) return raw;
  const { health, metrics, endpoint } = parsed.data;
  const services = raw['services'].map((service: unknown) => {
    if (!isObject(service) || (service['kind'] !== undefined && service['kind'] !== 'http')) return service;
    const merged: Raw = { ...service };
    if (health) merged['health'] = under(healthDefaults(health, service['health']), service['health']);
    if (metrics) merged['metrics'] = under(metrics, service['metrics']);
    if (endpoint && Array.isArray(service['endpoints'])) merged['endpoints'] = service['endpoints'].map((e: unknown) => (isObject(e) ? { ...endpoint, ...e } : e));
    return merged;
  });
  return { ...raw, services };
}
