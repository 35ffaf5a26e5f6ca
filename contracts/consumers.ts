import { contract as gatewayAuth } from './api-gateway--auth-service.pact.ts';
import { contract as gatewaySample } from './api-gateway--sample-service.pact.ts';
import { contract as eventSample } from './event-service--sample-service.pact.ts';
import { contract as eventSequencing } from './event-service--sequencing-service.pact.ts';
import { contract as eventStorage } from './event-service--storage-service.pact.ts';
import { contract as notificationSequencing } from './notification-service--sequencing-service.pact.ts';
import { contract as sampleSequencing } from './sample-service--sequencing-service.pact.ts';
import { contract as sampleStorage } from './sample-service--storage-service.pact.ts';
import { contract as sequencingNotification } from './sequencing-service--notification-service.pact.ts';
import { contract as transactionSample } from './transaction-service--sample-service.pact.ts';
import { contract as transactionSequencing } from './transaction-service--sequencing-service.pact.ts';
import { contract as transactionStorage } from './transaction-service--storage-service.pact.ts';
import type { Catalog } from '../core/catalog/schema.ts';
import type { ConsumerContract } from './consumer/consumer-contract.ts';
import { withGenerated } from './generate/generated-contracts.ts';

/** Every hand-written contract's consumer side (one module per contract), in the order they run. */
export const CONSUMERS: readonly ConsumerContract[] = [
  gatewayAuth, gatewaySample, sampleStorage, sampleSequencing, sequencingNotification, notificationSequencing,
  transactionSample, transactionStorage, transactionSequencing, eventSample, eventStorage, eventSequencing,
];

/**
 * What the consumer worker runs for `catalog`: the hand-written contracts when the catalog says the system
 * has them (`contracts.handWritten`), then the interactions generated from the catalog's examples for every
 * edge no hand-written case covers (a hand-written case wins).
 */
export function consumersFor(catalog: Catalog): ConsumerContract[] {
  return withGenerated(catalog.contracts.handWritten ? CONSUMERS : [], catalog);
}
