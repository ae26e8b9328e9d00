import type { ReadResult } from '@ledgersync/sync-engine';
import { QboError } from '../errors/qbo-error.ts';
import { toSyncError } from '../errors/to-sync-error.ts';

/** Expected QBO failures become values; anything else is a bug and still throws. */
export async function guard<T>(work: () => Promise<T>): Promise<ReadResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof QboError) return { ok: false, error: toSyncError(error) };
    throw error;
  }
}
