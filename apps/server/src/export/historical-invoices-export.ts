import { hubspotAccessToken } from '../access/hubspot-access.ts';
import type { RouteContext } from '../deps.ts';
import { invoicesToCsv } from './invoices-csv.ts';

/**
 * R-FLT-4: the portal's HubSpot invoices created before `before` (default: when invoice sync
 * started, or now if it never did), as a QuickBooks import CSV.
 */
export async function historicalInvoicesCsv(
  ctx: RouteContext,
  portalId: string,
  before: Date | null,
): Promise<string> {
  const settings = await ctx.db.syncSettings.findUnique({
    where: { portalId_object: { portalId, object: 'invoices' } },
  });
  const cutoff = before ?? settings?.syncStartedAt ?? ctx.now();
  const token = await hubspotAccessToken(ctx, portalId);
  return invoicesToCsv(await ctx.hubspot.listInvoicesCreatedBefore(token, cutoff));
}

export const CSV_DOWNLOAD_NAME = 'hubspot-historical-invoices.csv';
