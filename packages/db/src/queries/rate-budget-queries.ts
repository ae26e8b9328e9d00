import type { DbClient } from '../client/create-prisma-client.ts';

/** The limits one budget is taken under; every taker of a key passes the same ones. */
export interface RateBudgetLimits {
  readonly perWindow: number;
  /** Batch requests among them (QBO's 40 a minute); the same as `perWindow` when none are special. */
  readonly batchesPerWindow: number;
  readonly windowMs: number;
  /** Requests in flight at once; null for none (HubSpot counts calls, not connections). */
  readonly concurrent: number | null;
  /** How long a permit holds its slot when its process never returns it (it died). */
  readonly leaseMs: number;
}

export type RatePermitTake =
  | { readonly granted: true; readonly permitId: bigint }
  /** `awaitsReturn`: only a permit coming back frees room, `waitMs` is the latest that can happen. */
  | { readonly granted: false; readonly waitMs: number; readonly awaitsReturn: boolean };

/**
 * Takes a permit of the budget `key`, or says how long to wait for one, in one statement (the
 * `take_rate_permit` function: it locks the key's row, so takers in every process are served one
 * at a time, on the database's clock).
 */
export async function takeRatePermit(
  db: DbClient,
  key: string,
  batch: boolean,
  limits: RateBudgetLimits,
): Promise<RatePermitTake> {
  const rows = await db.$queryRaw<{ permit_id: bigint | null; wait_ms: bigint; awaits_return: boolean }[]>`
    SELECT permit_id, wait_ms, awaits_return FROM take_rate_permit(
      ${key}, ${batch}, ${limits.perWindow}::int, ${limits.batchesPerWindow}::int, ${limits.windowMs}::bigint,
      ${limits.concurrent}::int, ${limits.leaseMs}::bigint)`;
  const row = rows[0];
  if (!row) throw new Error('take_rate_permit returned no row');
  return row.permit_id === null
    ? { granted: false, waitMs: Math.max(0, Number(row.wait_ms)), awaitsReturn: row.awaits_return }
    : { granted: true, permitId: row.permit_id };
}

/** The request's answer arrived: its slot is free, and it stays in the window one window from now. */
export async function returnRatePermit(db: DbClient, permitId: bigint): Promise<void> {
  await db.$executeRaw`
    UPDATE "RatePermit" SET "returnedAtMs" = floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint
    WHERE "id" = ${permitId} AND "returnedAtMs" IS NULL`;
}

/** A 429: no process takes a permit of `key` for `ms` (a longer pause already set stands). */
export async function pauseRateBudget(db: DbClient, key: string, ms: number): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "RateBudget" AS b ("key", "pausedUntilMs")
    VALUES (${key}, floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint + ${Math.ceil(ms)}::bigint)
    ON CONFLICT ("key") DO UPDATE
    SET "pausedUntilMs" = greatest(b."pausedUntilMs", EXCLUDED."pausedUntilMs")`;
}
