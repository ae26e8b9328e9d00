import { readObjectSettings } from '@ledgersync/db';
import { historicalInvoicesCsv } from '@ledgersync/hubspot';
import { hubspotAccessToken } from '../access/hubspot-access.ts';
import type { RouteContext } from '../deps.ts';

/**
 * R-FLT-4: the portal's HubSpot invoices created before `before` (default: when invoice sync
 * started, or now if it never did), as a QuickBooks import CSV.
 */
export async function exportHistoricalInvoices(
  ctx: RouteContext,
  portal: { readonly id: string; readonly hubId: bigint },
  before: Date | null,
): Promise<string> {
  const settings = await readObjectSettings(ctx.db, portal.id, 'invoice');
  const cutoff = before ?? settings?.syncStartedAt ?? ctx.now();
  const token = await hubspotAccessToken(ctx, portal.id);
  return historicalInvoicesCsv(
    await ctx.hubspot.listInvoicesCreatedBefore(token, cutoff, portal.hubId.toString()),
  );
}

export const CSV_DOWNLOAD_NAME = 'hubspot-historical-invoices.csv';
