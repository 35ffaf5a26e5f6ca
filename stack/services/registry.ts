import type { Catalog, Service } from '../../core/catalog/schema.ts';
import type { ServiceModule } from '../runtime/types.ts';

/**
 * The hand-written reference implementation of each TracSeq service id (the catalog whose `system` is
 * `tracseq`). The catalog decides what runs; this only maps an id to its code. Any other system's services,
 * and a TracSeq service without an entry, run the catalog-driven code below. The path prefixes each one owns
 * are in route-prefixes.ts.
 */
export const IMPLEMENTATIONS: Readonly<Record<string, Readonly<Record<string, () => Promise<ServiceModule>>>>> = { tracseq: {
  'api-gateway': async () => (await import('./gateway/gateway-service.ts')).gatewayService,
  'auth-service': async () => (await import('./auth/auth-service.ts')).authService,
  'sample-service': async () => (await import('./sample/sample-service.ts')).sampleService,
  'storage-service': async () => (await import('./storage/storage-service.ts')).storageService,
  'sequencing-service': async () => (await import('./sequencing/sequencing-service.ts')).sequencingService,
  'notification-service': async () => (await import('./notification/notification-service.ts')).notificationService,
  'event-service': async () => (await import('./event/event-service.ts')).eventService,
  'transaction-service': async () => (await import('./transaction/transaction-service.ts')).transactionService,
  'template-service': async () => (await import('./simple/template-service.ts')).templateService,
  'rag-service': async () => (await import('./simple/rag-service.ts')).ragService,
  'library-details-service': async () => (await import('./simple/library-service.ts')).libraryService,
  'qaqc-service': async () => (await import('./simple/qaqc-service.ts')).qaqcService,
  'reports-service': async () => (await import('./simple/reports-service.ts')).reportsService,
  'spreadsheet-versioning-service': async () => (await import('./simple/spreadsheet-service.ts')).spreadsheetService,
  'lab-manager': async () => (await import('./simple/lab-manager-service.ts')).labManagerService,
} };

/**
 * The code a catalog service runs: its system's hand-written implementation; else, by what the catalog says it is, the
 * event bus (the service `events.bus` names), a router (`router:`), or the generic catalog-driven service.
 */
export async function loadServiceModule(service: Service, catalog: Catalog, log: (line: string) => void): Promise<ServiceModule> {
  const load = IMPLEMENTATIONS[catalog.system]?.[service.id];
  if (load) return load();
  if (catalog.events.bus === service.id) {
    log(`${service.id}: the catalog's event bus (events.bus): publish/subscribe with retries and a dead-letter queue`);
    return (await import('./event/event-service.ts')).eventService;
  }
  if (service.router) {
    log(`${service.id}: a router (${service.router.balance}) in front of ${[...new Set(service.router.routes.map((r) => r.to))].join(', ')}`);
    return (await import('./router/router-service.ts')).routerService;
  }
  log(`${service.id}: no reference implementation; serving health, metrics and the catalog's endpoint examples (501 where there is none)`);
  return (await import('./generic-service.ts')).genericService;
}
