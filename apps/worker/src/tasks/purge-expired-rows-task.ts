import { type Db, deleteExpiredOAuthStates, deleteExpiredSignatureUses } from '@ledgersync/db';
import { PURGE_EXPIRED_ROWS_TASK, parseJobPayload } from '@ledgersync/jobs';
import type { Clock } from '@ledgersync/sync-engine';
import type { Task } from 'graphile-worker';

export interface PurgeReport {
  readonly oauthStates: number;
  readonly signatureUses: number;
}

/**
 * Deletes the OAuth states and served-signature records whose time is over: every unauthenticated
 * install link stores a state and every signed request a signature hash, and nothing else removes
 * them (the server sweeps signatures only while signed requests arrive).
 */
export async function purgeExpiredRows(db: Db, clock: Clock): Promise<PurgeReport> {
  const now = clock.now();
  return {
    oauthStates: await deleteExpiredOAuthStates(db, now),
    signatureUses: await deleteExpiredSignatureUses(db, now),
  };
}

export function purgeExpiredRowsTask(deps: { readonly db: Db; readonly clock: Clock }): Task {
  return async (payload, helpers) => {
    parseJobPayload(PURGE_EXPIRED_ROWS_TASK, payload);
    const report = await purgeExpiredRows(deps.db, deps.clock);
    helpers.logger.info(`purged expired rows: ${JSON.stringify(report)}`);
  };
}
