import { busCases } from './consumer/bus-cases.ts';
import type { ConsumerContract } from './consumer/consumer-contract.ts';

/** The bus's pacts pin, per event, the fields its subscribers read (catalog `consumes[].fields`). */
export const contract: ConsumerContract = {
  consumer: 'event-service',
  provider: 'storage-service',
  title: 'storage events go on the bus',
  cases: busCases('storage-service'),
};
