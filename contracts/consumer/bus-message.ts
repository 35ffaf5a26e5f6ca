import { MatchersV3 } from '@pact-foundation/pact';
import { FIXTURES } from '../provider-states.ts';

/**
 * What event-service's pacts pin. The bus routes by topic and reads no payload field, but pact-js refuses an
 * empty message, so each bus pact pins the one field every TracSeq event carries: `sample_id`, the key an
 * operator traces an event (or a dead letter) by. Subscribers' own pacts pin the fields they read.
 */
export const BUS_MESSAGE = { sample_id: MatchersV3.like(FIXTURES.sample.id) };
