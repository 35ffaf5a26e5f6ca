/**
 * Defaults shared by the k6 scenarios and the Node runner (this file imports nothing, so both
 * sides can read it; each value is written down only here).
 */

/** Seed 000: "Expected Load: 1,000+ requests/second"; seed 003: "Virtual Users: 100 concurrent". */
export const EXPECTED_RPS = 1000;
export const EXPECTED_VUS = 100;

/** The tags every request carries, so results break down per service and endpoint. */
export const SERVICE_TAG = 'service';
export const ENDPOINT_TAG = 'endpoint';
/** The journey a load or soak request belongs to. */
export const JOURNEY_TAG = 'journey';

/** Gateway rate-limit responses: counted apart, never as server errors (seed 004: 100 req / 60 s). */
export const RATE_LIMITED_STATUS = 429;

/** The longest a soak may run: soak is bounded, a forgotten one must not run all night and more. */
export const SOAK_MAX_SECONDS = 4 * 3600;

/** A counter added once when setup() ends: the moment the scenarios' schedule starts. */
export const SCENARIOS_START_METRIC = 'tracseq_scenarios_start';
