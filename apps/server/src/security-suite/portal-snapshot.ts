import type { Db } from '@ledgersync/db';

/**
 * Every row that belongs to one portal, as JSON text: the portal itself, every table with a
 * `portalId` column (found in the catalogue, so a new table is included without editing this) and
 * the queued jobs that name it. Two equal snapshots mean nothing of that portal changed.
 */
export async function portalSnapshot(db: Db, portalId: string): Promise<Record<string, string[]>> {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'portalId' ORDER BY table_name`;
  const snapshot: Record<string, string[]> = {};
  for (const { table_name } of tables) {
    const rows = await db.$queryRawUnsafe<{ row: string }[]>(
      `SELECT row_to_json(t)::text AS row FROM "${table_name.replaceAll('"', '""')}" t WHERE "portalId" = $1::uuid ORDER BY 1`,
      portalId,
    );
    snapshot[table_name] = rows.map((r) => r.row);
  }
  const portal = await db.$queryRaw<{ row: string }[]>`
    SELECT row_to_json(p)::text AS row FROM "Portal" p WHERE id = ${portalId}::uuid`;
  snapshot.Portal = portal.map((r) => r.row);
  const jobs = await db.$queryRaw<{ row: string }[]>`
    SELECT coalesce(key, '') || ' ' || payload::text AS row FROM graphile_worker._private_jobs
    WHERE payload::text LIKE ${`%${portalId}%`} OR key LIKE ${`%${portalId}%`} ORDER BY 1`;
  snapshot.jobs = jobs.map((r) => r.row);
  return snapshot;
}
