import { verification as gatewayAuth } from './api-gateway--auth-service.verify.ts';
import { verification as gatewaySample } from './api-gateway--sample-service.verify.ts';
import { verification as eventSample } from './event-service--sample-service.verify.ts';
import { verification as eventSequencing } from './event-service--sequencing-service.verify.ts';
import { verification as eventStorage } from './event-service--storage-service.verify.ts';
import { verification as notificationSequencing } from './notification-service--sequencing-service.verify.ts';
import { verification as sampleSequencing } from './sample-service--sequencing-service.verify.ts';
import { verification as sampleStorage } from './sample-service--storage-service.verify.ts';
import { verification as sequencingNotification } from './sequencing-service--notification-service.verify.ts';
import { verification as transactionSample } from './transaction-service--sample-service.verify.ts';
import { verification as transactionSequencing } from './transaction-service--sequencing-service.verify.ts';
import { verification as transactionStorage } from './transaction-service--storage-service.verify.ts';
import { contractKey, type ContractVerification } from './verify/contract-verification.ts';

/** Every contract's provider verification, by `consumer--provider` (one module per contract). */
const ALL: readonly ContractVerification[] = [
  gatewayAuth, gatewaySample, sampleStorage, sampleSequencing, sequencingNotification, notificationSequencing,
  transactionSample, transactionStorage, transactionSequencing, eventSample, eventStorage, eventSequencing,
];

export const VERIFICATIONS: Readonly<Record<string, ContractVerification>> = Object.fromEntries(ALL.map((v) => [contractKey(v.consumer, v.provider), v]));
