import type { Db } from '../client/create-prisma-client.ts';
import { inTransaction } from '../client/in-transaction.ts';
import type { NewChangeNotice } from '../sync-store/notice-queue.ts';
import { schedulePortalSync } from './schedule-portal-sync.ts';

export interface ChangeIntake {
  /**
   * Stores change notices (a notice already seen, same side and event id, is ignored) and, in the
   * same transaction, schedules one debounced `sync-portal` job per portal that got a new one.
   * Returns how many notices were new.
   */
  record(notices: readonly NewChangeNotice[]): Promise<number>;
}

export function createChangeIntake(db: Db, options: { debounceMs: number }): ChangeIntake {
  return {
    async record(notices) {
      if (notices.length === 0) return 0;
      return inTransaction(db, async (tx) => {
        const created = await tx.changeNotice.createManyAndReturn({
          data: [...notices],
          skipDuplicates: true,
          select: { portalId: true },
        });
        for (const portalId of new Set(created.map((n) => n.portalId))) {
          await schedulePortalSync(tx, portalId, options.debounceMs);
        }
        return created.length;
      });
    },
  };
}
