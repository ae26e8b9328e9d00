-- R-FLT-1: the options of each portal's hs_invoice_source definition, read from HubSpot at
-- install, by the catch-up task and whenever an invoice holds a value they lack; existing rows
-- start with none (never read), so they are read on the next catch-up or invoice read.
-- AlterTable
ALTER TABLE "HubSpotInstallation" ADD COLUMN     "invoiceSourceOptions" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "invoiceSourceOptionsReadAt" TIMESTAMP(3);
