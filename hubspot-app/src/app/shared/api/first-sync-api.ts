import type { BackendClient } from './backend-client.ts';
import {
  type Direction,
  type FirstSyncObject,
  firstSyncEstimatesSchema,
  firstSyncRunListSchema,
  firstSyncRunSchema,
} from './generated/api-contract.ts';

const V1 = '/api/v1';

/** R-CON-7: how many records turning the rule on in `direction` will create and link. */
export const getFirstSyncEstimate = (c: BackendClient, object: FirstSyncObject, direction: Direction) => {
  const params = new URLSearchParams({ object });
  if (direction !== 'off') params.set('direction', direction);
  return c.request('GET', `${V1}/first-syncs/estimate?${params.toString()}`, firstSyncEstimatesSchema);
};

export const getFirstSyncs = (c: BackendClient) =>
  c.request('GET', `${V1}/first-syncs`, firstSyncRunListSchema);

/** "Sync existing records" for a rule that is on. */
export const startFirstSync = (c: BackendClient, object: FirstSyncObject) =>
  c.request('POST', `${V1}/first-syncs`, firstSyncRunListSchema, { object });

export const cancelFirstSync = (c: BackendClient, id: string) =>
  c.request('POST', `${V1}/first-syncs/${encodeURIComponent(id)}/cancel`, firstSyncRunSchema);
