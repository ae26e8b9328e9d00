import { type Db, portalQueueName } from '@ledgersync/db';
import { BACKFILL_TASK } from './job-keys.ts';

export interface BackfillProgress {
  readonly id: string;
  readonly status: 'pending' | 'running' | 'done' | 'failed' | 'cancelled';
  readonly done: number;
  readonly failed: number;
  /** Invoices found in the range so far; final once `status` is `done`. */
  readonly total: number;
  readonly from: string;
  readonly to: string;
}

/**
 * R-FLT-4: an admin-started backfill of historical HubSpot invoices created in [from, to]. It runs
 * on the portal's queue (never beside a drain of the same portal) and resumes from its page cursor
 * if a worker dies. Returns the backfill id the UI polls with `readBackfillProgress`.
 */
export async function startBackfill(
  db: Db,
  portalId: string,
  range: { from: Date; to: Date },
): Promise<string> {
  if (range.from > range.to) throw new RangeError('backfill range: from is after to');
  const backfill = await db.backfill.create({
    data: { portalId, object: 'invoices', from: range.from, to: range.to },
  });
  await db.$executeRaw`SELECT graphile_worker.add_job(
    ${BACKFILL_TASK}, json_build_object('backfillId', ${backfill.id}::text),
    queue_name := ${portalQueueName(portalId)}, job_key := ${`backfill:${backfill.id}`})`;
  return backfill.id;
}

export async function readBackfillProgress(db: Db, backfillId: string): Promise<BackfillProgress | null> {
  const b = await db.backfill.findUnique({ where: { id: backfillId } });
  if (!b) return null;
  return {
    id: b.id,
    status: b.status,
    done: b.done,
    failed: b.failed,
    total: b.total,
    from: b.from.toISOString(),
    to: b.to.toISOString(),
  };
}
