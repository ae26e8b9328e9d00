import type { Clock } from '../ports/clock.ts';
import type { CommitBatch } from '../ports/sync-store.ts';
import type { GatheredBatch } from './gather-batch.ts';

/**
 * Records read but holding a value we cannot take (a HubSpot price of "1e3") fail alone, with
 * their data error stored and shown like any other (R-VIS-4); the rest of the batch goes on.
 * Their notices are done: they are retried when the record changes again or a user asks.
 */
export function failInvalidRecords(
  portalId: string,
  invalid: GatheredBatch['invalid'],
  clock: Clock,
): Pick<CommitBatch, 'statuses' | 'activity'> {
  const at = clock.now().toISOString();
  return {
    statuses: invalid.map(({ ref, error }) => ({
      portalId,
      object: ref.object,
      side: ref.side,
      recordId: ref.id,
      linkId: null,
      state: 'failed' as const,
      errorCode: error.code,
      exclusionReason: null,
      message: error.message,
      at,
    })),
    activity: invalid.map(({ ref, error }) => ({
      portalId,
      object: ref.object,
      linkId: null,
      side: ref.side,
      recordId: ref.id,
      kind: 'failed' as const,
      at,
      message: error.message,
      errorCode: error.code,
    })),
  };
}
