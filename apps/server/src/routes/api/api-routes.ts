import type { RouteContext } from '../../deps.ts';
import type { TypedApp } from '../../http/typed-app.ts';
import { backfillRoutes } from './backfill-routes.ts';
import { cardRoutes } from './card-routes.ts';
import { companyRoutes } from './company-routes.ts';
import { connectionRoutes } from './connection-routes.ts';
import { filterRoutes } from './filter-routes.ts';
import { firstSyncRoutes } from './first-sync-routes.ts';
import { mappingRoutes } from './mapping-routes.ts';
import { overviewRoutes } from './overview-routes.ts';
import { settingsRoutes } from './settings-routes.ts';
import { taxMappingRoutes } from './tax-mapping-routes.ts';

/** Every route the HubSpot UI calls through `hubspot.fetch` (mounted under `/api/v1`, signed). */
export function apiRoutes(app: TypedApp, ctx: RouteContext): void {
  cardRoutes(app, ctx);
  settingsRoutes(app, ctx);
  mappingRoutes(app, ctx);
  companyRoutes(app, ctx);
  filterRoutes(app, ctx);
  taxMappingRoutes(app, ctx);
  connectionRoutes(app, ctx);
  overviewRoutes(app, ctx);
  backfillRoutes(app, ctx);
  firstSyncRoutes(app, ctx);
}
