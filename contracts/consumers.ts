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
import type { ConsumerContract } from './consumer/consumer-contract.ts';

/**
 * Every contract's consumer side (one module per contract), in the order they run. Interactions generated
 * from the catalog (a dependency or event with an `example:`) are to join these where the consumer worker
 * takes its list, for edges no case here covers: a hand-written case wins.
 */
export const CONSUMERS: readonly ConsumerContract[] = [
  gatewayAuth, gatewaySample, sampleStorage, sampleSequencing, sequencingNotification, notificationSequencing,
  transactionSample, transactionStorage, transactionSequencing, eventSample, eventStorage, eventSequencing,
];
