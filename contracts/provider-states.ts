/**
 * Provider states and the entities they stand for: the ONE module both sides use. Consumer tests name
 * these states and use the fixtures as example values; the provider verifications seed exactly these
 * entities through the provider-state hook.
 */
export const FIXTURES = {
  user: { email: 'admin@lab.local', password: 'admin123' },
  sample: { id: 'sample-pact-0001', barcode: 'TS-PACT-00001', sample_type: 'blood', status: 'received' },
  location: { id: 'loc-pact-freezer-80', name: 'Pact freezer -80C', temperature_c: -80, capacity: 10_000 },
  assignment: { id: 'assignment-pact-0001', sample_id: 'sample-pact-0001', location_id: 'loc-pact-freezer-80', position: 'A1' },
  job: { id: 'job-pact-0001', sample_id: 'sample-pact-0001', platform: 'NovaSeq 6000', status: 'queued' },
  notification: { channel: 'email', recipient: 'lab-team@lab.local', subject: 'Sequencing job job-pact-0001 completed', body: 'Sample sample-pact-0001 finished sequencing on NovaSeq 6000.' },
} as const;

/** A JWT-shaped example; the provider state replaces it with a real token for the provider. */
export const EXAMPLE_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LTEiLCJlbWFpbCI6ImFkbWluQGxhYi5sb2NhbCJ9.c2lnbmF0dXJl';

export const STATES = {
  /** Injects `token`: a token the provider's auth accepts. */
  validToken: `a valid token for ${FIXTURES.user.email}`,
  sampleExists: `sample ${FIXTURES.sample.id} exists`,
  storageHasRoom: `storage location ${FIXTURES.location.id} has room`,
  assignmentExists: `storage assignment ${FIXTURES.assignment.id} exists`,
  queuedJobExists: `sequencing job ${FIXTURES.job.id} is queued`,
} as const;

/**
 * What the bus's pacts pin of every event besides the fields its subscribers read (catalog `consumes[].fields`):
 * the key an operator traces an event, or a dead letter, by.
 */
export const BUS_TRACE_FIELD = 'sample_id';

/** Example values of the event payload fields the bus's pacts pin (matched by type): the fixtures' own. */
export const EVENT_FIELD_EXAMPLES: Readonly<Record<string, string>> = {
  sample_id: FIXTURES.sample.id,
  job_id: FIXTURES.job.id,
  assignment_id: FIXTURES.assignment.id,
  location_id: FIXTURES.assignment.location_id,
  platform: FIXTURES.job.platform,
  status: 'completed',
};
