-- Signed requests already used (W7 replay guard), shared by every server process: a captured
-- HubSpot-signed request replayed to another instance within the signature window is refused.
-- CreateTable
CREATE TABLE "SignatureUse" (
    "signatureHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignatureUse_pkey" PRIMARY KEY ("signatureHash")
);

-- CreateIndex
CREATE INDEX "SignatureUse_expiresAt_idx" ON "SignatureUse"("expiresAt");
