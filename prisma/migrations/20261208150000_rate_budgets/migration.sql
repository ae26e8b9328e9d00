-- R-ERR-7: the HubSpot and QBO rate limits are one budget per portal or realm for every worker and
-- server together. A budget row is the lock that serialises takers of one key and holds the pause a
-- 429 sets; a permit is one request: in flight until returned (or until its lease runs out, when
-- its process died), then counted in the window until one window after it ended. Times are
-- milliseconds on the database's clock, the one clock every process shares.
-- CreateTable
CREATE TABLE "RateBudget" (
    "key" TEXT NOT NULL,
    "pausedUntilMs" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "RateBudget_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "RatePermit" (
    "id" BIGSERIAL NOT NULL,
    "budgetKey" TEXT NOT NULL,
    "batch" BOOLEAN NOT NULL DEFAULT false,
    "leaseUntilMs" BIGINT NOT NULL,
    "returnedAtMs" BIGINT,

    CONSTRAINT "RatePermit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RatePermit_budgetKey_idx" ON "RatePermit"("budgetKey");

-- AddForeignKey
ALTER TABLE "RatePermit" ADD CONSTRAINT "RatePermit_budgetKey_fkey" FOREIGN KEY ("budgetKey") REFERENCES "RateBudget"("key") ON DELETE CASCADE ON UPDATE CASCADE;

-- The whole decision in one round trip: a permit, or how long to wait for one. Waits are exact for
-- the window and the pause; for a concurrency slot, or a window full of requests still in flight,
-- only a return can free room, so the wait given is the earliest lease's end (callers poll sooner).
CREATE FUNCTION take_rate_permit(
    p_key TEXT,
    p_batch BOOLEAN,
    p_per_window INTEGER,
    p_batches_per_window INTEGER,
    p_window_ms BIGINT,
    p_concurrent INTEGER,
    p_lease_ms BIGINT
) RETURNS TABLE (permit_id BIGINT, wait_ms BIGINT, awaits_return BOOLEAN)
LANGUAGE plpgsql AS $$
DECLARE
    now_ms BIGINT := floor(extract(epoch FROM clock_timestamp()) * 1000)::BIGINT;
    paused BIGINT;
    flying INTEGER;
    first_lease_end BIGINT;
    counted INTEGER;
    free_at BIGINT;
    wait BIGINT := 0;
    cap INTEGER;
BEGIN
    INSERT INTO "RateBudget" AS b ("key") VALUES (p_key)
    ON CONFLICT ("key") DO UPDATE SET "key" = b."key"
    RETURNING b."pausedUntilMs" INTO paused;

    DELETE FROM "RatePermit"
    WHERE "budgetKey" = p_key AND coalesce("returnedAtMs", "leaseUntilMs") <= now_ms - p_window_ms;

    SELECT count(*), min("leaseUntilMs") INTO flying, first_lease_end FROM "RatePermit"
    WHERE "budgetKey" = p_key AND "returnedAtMs" IS NULL AND "leaseUntilMs" > now_ms;

    IF paused > now_ms THEN
        RETURN QUERY SELECT NULL::BIGINT, paused - now_ms, false;
        RETURN;
    END IF;
    IF p_concurrent IS NOT NULL AND flying >= p_concurrent THEN
        RETURN QUERY SELECT NULL::BIGINT, first_lease_end - now_ms, true;
        RETURN;
    END IF;

    -- The window, then (for a batch) the batches' own window: room comes when enough ended
    -- permits leave it; permits still in flight never leave it by themselves.
    FOR pass IN 1..2 LOOP
        CONTINUE WHEN pass = 2 AND NOT p_batch;
        cap := CASE pass WHEN 1 THEN p_per_window ELSE p_batches_per_window END;
        SELECT count(*) INTO counted FROM "RatePermit"
        WHERE "budgetKey" = p_key AND (pass = 1 OR "batch");
        IF counted >= cap THEN
            SELECT e.end_ms INTO free_at FROM (
                SELECT coalesce("returnedAtMs", "leaseUntilMs") AS end_ms FROM "RatePermit"
                WHERE "budgetKey" = p_key AND (pass = 1 OR "batch")
                  AND ("returnedAtMs" IS NOT NULL OR "leaseUntilMs" <= now_ms)
                ORDER BY 1
                OFFSET counted - cap
                LIMIT 1
            ) e;
            IF free_at IS NULL THEN
                RETURN QUERY SELECT NULL::BIGINT, coalesce(first_lease_end - now_ms, p_lease_ms), true;
                RETURN;
            END IF;
            wait := greatest(wait, free_at + p_window_ms - now_ms + 1);
        END IF;
    END LOOP;
    IF wait > 0 THEN
        RETURN QUERY SELECT NULL::BIGINT, wait, false;
        RETURN;
    END IF;

    RETURN QUERY
    INSERT INTO "RatePermit" ("budgetKey", "batch", "leaseUntilMs")
    VALUES (p_key, p_batch, now_ms + p_lease_ms)
    RETURNING "id", 0::BIGINT, false;
END;
$$;
