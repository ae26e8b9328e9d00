import { createHash } from 'node:crypto';
import { type Db, deleteExpiredSignatureUses, recordSignatureUse } from '@ledgersync/db';

/** How often a process sweeps expired rows (each insert is keyed, so sweeping is only tidying). */
const SWEEP_EVERY_MS = 60_000;

/**
 * Remembers signed requests already served so a captured state-changing request cannot be sent
 * twice. Backed by Postgres: every server process inserts into one table and the primary key
 * decides, so a replay to another instance within the window is refused as well.
 */
export function createReplayGuard(db: Db, windowMs: number) {
  let lastSweepMs = Number.NEGATIVE_INFINITY;
  return {
    /** True the first time a signature is seen (by any process), false for a replay. */
    async firstUse(signature: string, now: Date): Promise<boolean> {
      const nowMs = now.getTime();
      if (nowMs - lastSweepMs >= SWEEP_EVERY_MS) {
        lastSweepMs = nowMs;
        await deleteExpiredSignatureUses(db, now);
      }
      const signatureHash = createHash('sha256').update(signature).digest('hex');
      return recordSignatureUse(db, signatureHash, new Date(nowMs + windowMs));
    },
  };
}
export type ReplayGuard = ReturnType<typeof createReplayGuard>;
