-- The ids of HubSpot's default association types a portal's creates carry inline (invoice to
-- contact, line item to invoice, payment to invoice and contact), read from the portal's
-- association labels API the first time a create needs one and again when HubSpot refuses one;
-- existing rows start with none, so they are read on their next create.
-- AlterTable
ALTER TABLE "HubSpotInstallation" ADD COLUMN     "associationTypeIds" JSONB NOT NULL DEFAULT '{}';
