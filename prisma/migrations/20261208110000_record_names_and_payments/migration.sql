-- R-VIS-5: a record is shown by its name (invoice number, contact name and email, product name and
-- SKU), kept on its link row by the sync store. R-VIS-6: a payment's link points at its invoice's,
-- so the invoice's card lists the payment's activity; an exclusion's activity keeps its reason.
-- AlterTable
ALTER TABLE "RecordLink" ADD COLUMN     "displayName" TEXT,
ADD COLUMN     "displayDetail" TEXT,
ADD COLUMN     "invoiceLinkId" UUID;

-- AlterTable
ALTER TABLE "SyncActivity" ADD COLUMN     "exclusionReason" TEXT;

-- CreateIndex
CREATE INDEX "RecordLink_invoiceLinkId_idx" ON "RecordLink"("invoiceLinkId");

-- AddForeignKey
ALTER TABLE "RecordLink" ADD CONSTRAINT "RecordLink_invoiceLinkId_fkey" FOREIGN KEY ("invoiceLinkId") REFERENCES "RecordLink"("id") ON DELETE SET NULL ON UPDATE CASCADE;
