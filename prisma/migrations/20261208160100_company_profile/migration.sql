-- The connected company's Preferences and CompanyInfo as the engine uses them (home currency,
-- multicurrency, closed books...), kept per realm so that every worker process and drain within a
-- few minutes of the last read takes them from here instead of asking QuickBooks again; existing
-- rows start with none (read on their next drain).
-- AlterTable
ALTER TABLE "QuickBooksConnection" ADD COLUMN     "companyProfile" JSONB,
ADD COLUMN     "companyProfileReadAt" TIMESTAMP(3);
