-- R-CON-7: first syncs of existing records, one row per run, resumed from its page cursor.
-- CreateEnum
CREATE TYPE "SyncRunStatus" AS ENUM ('running', 'done', 'cancelled', 'failed');

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" UUID NOT NULL,
    "portalId" UUID NOT NULL,
    "object" "SyncObject" NOT NULL,
    "sourceSide" "Side" NOT NULL,
    "status" "SyncRunStatus" NOT NULL DEFAULT 'running',
    "cursor" TEXT,
    "pages" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "linked" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SyncRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SyncRun_portalId_status_idx" ON "SyncRun"("portalId", "status");

-- AddForeignKey
ALTER TABLE "SyncRun" ADD CONSTRAINT "SyncRun_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal"("id") ON DELETE CASCADE ON UPDATE CASCADE;
