import { errorBody, HubSpotError } from '../http/hubspot-error.ts';

export interface BatchOutcome<T> {
  results: T[];
  errors: Record<string, unknown>[];
}

/** HubSpot's batch envelope: 200/201 when all succeed, 207 with `numErrors` otherwise. */
export function batchResponse<T>(outcome: BatchOutcome<T>, startedAt: number, now: number, okStatus: number) {
  const body: Record<string, unknown> = {
    status: 'COMPLETE',
    results: outcome.results,
    startedAt: new Date(startedAt).toISOString(),
    completedAt: new Date(now).toISOString(),
  };
  if (outcome.errors.length === 0) return { status: okStatus, body };
  return { status: 207, body: { ...body, numErrors: outcome.errors.length, errors: outcome.errors } };
}

/** One failed input, as a batch `StandardError`. */
export function batchError(err: unknown, context: Record<string, string[]>): Record<string, unknown> {
  if (!(err instanceof HubSpotError)) throw err;
  const { correlationId: _c, ...rest } = errorBody(err.init);
  return { ...rest, context: { ...err.init.context, ...context } };
}
