-- A QBO realm's Preferences and CompanyInfo, as the engine needs them, kept for every worker and
-- server: each drain needs them, they change rarely, and reading them costs two of the realm's calls.
-- CreateTable
CREATE TABLE "QuickBooksCompanyProfile" (
    "realmId" TEXT NOT NULL,
    "profile" JSONB NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuickBooksCompanyProfile_pkey" PRIMARY KEY ("realmId")
);
