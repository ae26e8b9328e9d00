/**
 * One HTTP request an adapter sent to HubSpot or QBO, as told to whoever observes its calls (every
 * attempt, retries included): `ok`, the HTTP status of a refusal (429: rate limited), `timeout`
 * (no answer in time, abandoned) or `network` (the connection failed).
 */
export type ApiCallOutcome = 'ok' | number | 'timeout' | 'network';

/** Told about each request as it ends; it must not throw or wait. */
export type ApiCallObserver = (outcome: ApiCallOutcome) => void;
