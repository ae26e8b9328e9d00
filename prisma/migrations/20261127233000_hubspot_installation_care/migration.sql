-- W6 token care / W4: a HubSpot installation whose refresh HubSpot refuses (app uninstalled, grant
-- revoked) is marked needs_reauth, which pauses the portal's syncs until the app is installed again.
-- appPropertiesVersion records which set of app-owned properties the portal has; existing rows start
-- at 0 so the worker ensures the current set once.
-- CreateEnum
CREATE TYPE "HubSpotInstallationStatus" AS ENUM ('active', 'needs_reauth');

-- AlterTable
ALTER TABLE "HubSpotInstallation" ADD COLUMN     "status" "HubSpotInstallationStatus" NOT NULL DEFAULT 'active',
ADD COLUMN     "appPropertiesVersion" INTEGER NOT NULL DEFAULT 0;
