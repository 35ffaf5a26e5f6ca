import type { ServiceModule } from '../runtime/types.ts';

interface Implementation {
  /** Path prefixes this service owns: the gateway routes `/api/v1/<resource>` by them. */
  readonly prefixes: readonly string[];
  readonly load: () => Promise<ServiceModule>;
}

/**
 * The reference implementation of each catalog service id. The catalog decides what runs; this only maps
 * an id to its code (a catalog service without an entry runs the generic implementation).
 */
export const IMPLEMENTATIONS: Readonly<Record<string, Implementation>> = {
  'api-gateway': { prefixes: [], load: async () => (await import('./gateway/gateway-service.ts')).gatewayService },
  'auth-service': { prefixes: ['/api/v1/auth', '/api/v1/users'], load: async () => (await import('./auth/auth-service.ts')).authService },
  'sample-service': { prefixes: ['/api/v1/samples'], load: async () => (await import('./sample/sample-service.ts')).sampleService },
  'storage-service': { prefixes: ['/api/v1/storage'], load: async () => (await import('./storage/storage-service.ts')).storageService },
  'sequencing-service': { prefixes: ['/api/v1/sequencing'], load: async () => (await import('./sequencing/sequencing-service.ts')).sequencingService },
  'notification-service': { prefixes: ['/api/v1/notifications'], load: async () => (await import('./notification/notification-service.ts')).notificationService },
  'event-service': { prefixes: ['/api/v1/events'], load: async () => (await import('./event/event-service.ts')).eventService },
  'transaction-service': { prefixes: ['/api/v1/transactions'], load: async () => (await import('./transaction/transaction-service.ts')).transactionService },
  'template-service': { prefixes: ['/api/v1/templates'], load: async () => (await import('./simple/template-service.ts')).templateService },
  'rag-service': { prefixes: ['/api/v1/rag'], load: async () => (await import('./simple/rag-service.ts')).ragService },
  'library-details-service': { prefixes: ['/api/v1/libraries'], load: async () => (await import('./simple/library-service.ts')).libraryService },
  'qaqc-service': { prefixes: ['/api/v1/qaqc'], load: async () => (await import('./simple/qaqc-service.ts')).qaqcService },
  'reports-service': { prefixes: ['/api/v1/reports'], load: async () => (await import('./simple/reports-service.ts')).reportsService },
  'spreadsheet-versioning-service': { prefixes: ['/api/v1/spreadsheets'], load: async () => (await import('./simple/spreadsheet-service.ts')).spreadsheetService },
  'lab-manager': { prefixes: ['/api/v1/dashboard'], load: async () => (await import('./simple/lab-manager-service.ts')).labManagerService },
};

export async function loadServiceModule(id: string, log: (line: string) => void): Promise<ServiceModule> {
  const implementation = IMPLEMENTATIONS[id];
  if (implementation) return implementation.load();
  log(`${id}: no reference implementation; serving health and metrics only (its endpoints answer 501)`);
  return (await import('./generic-service.ts')).genericService;
}

/** Prefix -> owning service id, for the services in `ids`. */
export function routePrefixes(ids: Iterable<string>): Map<string, string> {
  const table = new Map<string, string>();
  for (const id of ids) for (const prefix of IMPLEMENTATIONS[id]?.prefixes ?? []) table.set(prefix, id);
  return table;
}
