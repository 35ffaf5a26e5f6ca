/**
 * Path prefixes each reference service owns: the gateway routes `/api/v1/<resource>` by them. Kept
 * apart from the registry (which loads every implementation, the gateway's included).
 */
export const ROUTE_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  'api-gateway': [],
  'auth-service': ['/api/v1/auth', '/api/v1/users'],
  'sample-service': ['/api/v1/samples'],
  'storage-service': ['/api/v1/storage'],
  'sequencing-service': ['/api/v1/sequencing'],
  'notification-service': ['/api/v1/notifications'],
  'event-service': ['/api/v1/events'],
  'transaction-service': ['/api/v1/transactions'],
  'template-service': ['/api/v1/templates'],
  'rag-service': ['/api/v1/rag'],
  'library-details-service': ['/api/v1/libraries'],
  'qaqc-service': ['/api/v1/qaqc'],
  'reports-service': ['/api/v1/reports'],
  'spreadsheet-versioning-service': ['/api/v1/spreadsheets'],
  'lab-manager': ['/api/v1/dashboard'],
};

/** Prefix -> owning service id, for the services in `ids`. */
export function routePrefixes(ids: Iterable<string>): Map<string, string> {
  const table = new Map<string, string>();
  for (const id of ids) for (const prefix of ROUTE_PREFIXES[id] ?? []) table.set(prefix, id);
  return table;
}
