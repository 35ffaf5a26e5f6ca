/**
 * Interaction descriptions, shared by consumer tests and provider verifications (message producers are
 * keyed by them). Each starts with the catalog edge it covers (`<edge name>: `), which the coverage check reads.
 */
export const HTTP = {
  validateToken: 'validate-token: a valid bearer token is accepted with its user',
  rejectToken: 'validate-token: an invalid bearer token is rejected',
  listSamples: 'list-samples: the samples are listed',
  getSample: 'get-sample: one sample is fetched by id',
  createSample: 'create-sample: a sample is registered and stored',
  assignLocation: 'assign-location: a storage location is assigned to a new sample',
  submitJob: 'submit-job: a stored sample is sent for sequencing',
  sendNotification: 'send-notification: the lab is told a sequencing job completed',
  sagaCreateSample: 'saga-create-sample: the saga registers a sample without storage',
  sagaCompensateSample: 'saga-compensate-sample: the saga deletes the sample it created',
  sagaAssignStorage: 'saga-assign-storage: the saga assigns storage to its sample',
  sagaCompensateStorage: 'saga-compensate-storage: the saga releases the assignment it made',
  sagaSubmitJob: 'saga-submit-job: the saga submits a sequencing job',
  sagaCompensateJob: 'saga-compensate-job: the saga cancels the job it submitted',
} as const;

/**
 * The messages subscribers' own pacts receive. The event name before ": " is the catalog's (coverage
 * checks it against `consumes:`; the provider produces the event it names if the catalog says it publishes it).
 * The bus's pacts are built from the catalog (contracts/consumer/bus-cases.ts).
 */
export const MESSAGES = {
  locationAssigned: 'storage.location_assigned: a sample was given a storage location',
  jobCompleted: 'sequencing.job_completed: a sequencing job finished',
} as const;

/** The bus's interaction for `topic` (contracts/consumer/bus-cases.ts builds one per event the catalog says a producer publishes). */
export function busDescription(topic: string): string {
  return `${topic}: published with the fields its subscribers read`;
}
