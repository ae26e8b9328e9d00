-- CreateEnum
CREATE TYPE "PlanTier" AS ENUM ('free', 'starter', 'professional', 'enterprise');

-- CreateEnum
CREATE TYPE "SyncObject" AS ENUM ('products', 'contacts', 'invoices', 'payments');

-- CreateEnum
CREATE TYPE "SyncDirection" AS ENUM ('off', 'hubspot_to_quickbooks', 'quickbooks_to_hubspot', 'two_way');

-- CreateEnum
CREATE TYPE "ConflictResolution" AS ENUM ('hubspot', 'quickbooks');

-- CreateEnum
CREATE TYPE "ConnectionStatus" AS ENUM ('connected', 'needs_reauth', 'disconnected');

-- CreateEnum
CREATE TYPE "LinkStatus" AS ENUM ('synced', 'pending', 'failed', 'excluded');

-- CreateEnum
CREATE TYPE "Side" AS ENUM ('hubspot', 'quickbooks');

-- CreateEnum
CREATE TYPE "BackfillStatus" AS ENUM ('pending', 'running', 'done', 'failed', 'cancelled');

-- CreateTable
CREATE TABLE "Portal" (
    "id" UUID NOT NULL,
    "hubId" BIGINT NOT NULL,
    "planTier" "PlanTier" NOT NULL DEFAULT 'free',
    "installedAt" TIMESTAMP(3) NOT NULL,
    "uninstalledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Portal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HubSpotInstallation" (
    "id" UUID NOT NULL,
    "portalId" UUID NOT NULL,
    "accessToken" TEXT NOT NULL,
    "refreshToken" TEXT NOT NULL,
    "accessTokenExpiresAt" TIMESTAMP(3) NOT NULL,
    "scopes" TEXT[],
    "installedByUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HubSpotInstallation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuickBooksConnection" (
    "id" UUID NOT NULL,
    "portalId" UUID NOT NULL,
    "realmId" TEXT NOT NULL,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "accessTokenExpiresAt" TIMESTAMP(3),
    "refreshTokenExpiresAt" TIMESTAMP(3),
    "companyName" TEXT,
    "country" TEXT,
    "homeCurrency" TEXT,
    "status" "ConnectionStatus" NOT NULL DEFAULT 'connected',
    "connectedAt" TIMESTAMP(3) NOT NULL,
    "disconnectedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuickBooksConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncSettings" (
    "id" UUID NOT NULL,
    "portalId" UUID NOT NULL,
    "object" "SyncObject" NOT NULL,
    "direction" "SyncDirection" NOT NULL DEFAULT 'off',
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "conflictResolution" "ConflictResolution" NOT NULL DEFAULT 'hubspot',
    "fieldMappings" JSONB NOT NULL DEFAULT '{}',
    "inboundFilters" JSONB NOT NULL DEFAULT '[]',
    "options" JSONB NOT NULL DEFAULT '{}',
    "syncStartedAt" TIMESTAMP(3),
    "customLineItemIncomeAccountId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SyncSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecordLink" (
    "id" UUID NOT NULL,
    "portalId" UUID NOT NULL,
    "object" "SyncObject" NOT NULL,
    "hubspotId" TEXT,
    "quickbooksId" TEXT,
    "quickbooksSyncToken" TEXT,
    "hubspotVersion" TEXT,
    "origin" "Side" NOT NULL,
    "mergeBase" JSONB,
    "status" "LinkStatus" NOT NULL DEFAULT 'pending',
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "exclusionReason" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "pendingCreate" JSONB,
    "deletedOn" "Side",
    "mergedIntoId" TEXT,
    "displayNumber" TEXT,
    "amount" DECIMAL(20,6),
    "currency" TEXT,
    "lastSyncedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RecordLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeNotice" (
    "id" BIGSERIAL NOT NULL,
    "portalId" UUID NOT NULL,
    "side" "Side" NOT NULL,
    "object" "SyncObject" NOT NULL,
    "recordId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3),
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "ChangeNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncActivity" (
    "id" BIGSERIAL NOT NULL,
    "portalId" UUID NOT NULL,
    "linkId" UUID,
    "object" "SyncObject" NOT NULL,
    "hubspotId" TEXT,
    "quickbooksId" TEXT,
    "direction" "SyncDirection" NOT NULL,
    "action" TEXT NOT NULL,
    "changedFields" TEXT[],
    "errorCode" TEXT,
    "message" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SyncActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncCursor" (
    "id" UUID NOT NULL,
    "portalId" UUID NOT NULL,
    "source" "Side" NOT NULL,
    "object" "SyncObject" NOT NULL,
    "position" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SyncCursor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OAuthState" (
    "id" TEXT NOT NULL,
    "provider" "Side" NOT NULL,
    "portalId" UUID,
    "userId" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OAuthState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Backfill" (
    "id" UUID NOT NULL,
    "portalId" UUID NOT NULL,
    "object" "SyncObject" NOT NULL,
    "from" TIMESTAMP(3) NOT NULL,
    "to" TIMESTAMP(3) NOT NULL,
    "status" "BackfillStatus" NOT NULL DEFAULT 'pending',
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "cursor" TEXT,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Backfill_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Portal_hubId_key" ON "Portal"("hubId");

-- CreateIndex
CREATE UNIQUE INDEX "HubSpotInstallation_portalId_key" ON "HubSpotInstallation"("portalId");

-- CreateIndex
CREATE UNIQUE INDEX "QuickBooksConnection_portalId_key" ON "QuickBooksConnection"("portalId");

-- CreateIndex
CREATE UNIQUE INDEX "QuickBooksConnection_realmId_key" ON "QuickBooksConnection"("realmId");

-- CreateIndex
CREATE UNIQUE INDEX "SyncSettings_portalId_object_key" ON "SyncSettings"("portalId", "object");

-- CreateIndex
CREATE INDEX "RecordLink_portalId_object_status_idx" ON "RecordLink"("portalId", "object", "status");

-- CreateIndex
CREATE UNIQUE INDEX "RecordLink_portalId_object_hubspotId_key" ON "RecordLink"("portalId", "object", "hubspotId");

-- CreateIndex
CREATE UNIQUE INDEX "RecordLink_portalId_object_quickbooksId_key" ON "RecordLink"("portalId", "object", "quickbooksId");

-- CreateIndex
CREATE INDEX "ChangeNotice_portalId_processedAt_nextAttemptAt_idx" ON "ChangeNotice"("portalId", "processedAt", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "ChangeNotice_side_eventId_key" ON "ChangeNotice"("side", "eventId");

-- CreateIndex
CREATE INDEX "SyncActivity_portalId_linkId_occurredAt_idx" ON "SyncActivity"("portalId", "linkId", "occurredAt");

-- CreateIndex
CREATE INDEX "SyncActivity_portalId_object_occurredAt_idx" ON "SyncActivity"("portalId", "object", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "SyncCursor_portalId_source_object_key" ON "SyncCursor"("portalId", "source", "object");

-- CreateIndex
CREATE INDEX "Backfill_portalId_status_idx" ON "Backfill"("portalId", "status");

-- AddForeignKey
ALTER TABLE "HubSpotInstallation" ADD CONSTRAINT "HubSpotInstallation_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuickBooksConnection" ADD CONSTRAINT "QuickBooksConnection_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncSettings" ADD CONSTRAINT "SyncSettings_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordLink" ADD CONSTRAINT "RecordLink_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeNotice" ADD CONSTRAINT "ChangeNotice_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncActivity" ADD CONSTRAINT "SyncActivity_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncActivity" ADD CONSTRAINT "SyncActivity_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "RecordLink"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncCursor" ADD CONSTRAINT "SyncCursor_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OAuthState" ADD CONSTRAINT "OAuthState_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Backfill" ADD CONSTRAINT "Backfill_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal"("id") ON DELETE CASCADE ON UPDATE CASCADE;
