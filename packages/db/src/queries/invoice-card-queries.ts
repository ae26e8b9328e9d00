import type { DbClient } from '../client/create-prisma-client.ts';
import type { ConnectionStatus, HubSpotInstallationStatus, RecordLink } from '../generated/prisma/client.ts';
import { ACTIVITY_ORDER, type ActivityRow, mergeActivity } from './activity-rows.ts';

const CARD_ACTIVITY_LIMIT = 50;

export interface InvoiceCardRows {
  /** Null when the invoice was never seen by the sync. */
  link: RecordLink | null;
  /** The invoice's activity and its payments', newest first. */
  activity: ActivityRow[];
  /** When one of the invoice's payments last synced (null: none has). */
  paymentsLastSyncedAt: Date | null;
  /** Null when no QuickBooks company was ever connected. */
  quickbooksStatus: ConnectionStatus | null;
  /** Null when the portal holds no HubSpot grant (uninstalled). */
  hubspotStatus: HubSpotInstallationStatus | null;
}

/**
 * Everything the invoice card shows (R-VIS-1), read in one query from the portal's row: the
 * invoice's link with its latest activity and its payments', and the state of both connections.
 */
export async function readInvoiceCard(
  db: DbClient,
  portalId: string,
  invoiceId: string,
): Promise<InvoiceCardRows> {
  const portal = await db.portal.findUnique({
    where: { id: portalId },
    select: {
      quickbooksConnection: { select: { status: true } },
      hubspotInstallation: { select: { status: true } },
      recordLinks: {
        where: { object: 'invoice', hubspotId: invoiceId },
        include: {
          activities: { where: { portalId }, orderBy: ACTIVITY_ORDER, take: CARD_ACTIVITY_LIMIT },
          payments: {
            where: { portalId },
            select: {
              amount: true,
              currency: true,
              lastSyncedAt: true,
              activities: { where: { portalId }, orderBy: ACTIVITY_ORDER, take: CARD_ACTIVITY_LIMIT },
            },
          },
        },
      },
    },
  });
  const row = portal?.recordLinks[0];
  let link: RecordLink | null = null;
  let activity: ActivityRow[] = [];
  let paymentsLastSyncedAt: Date | null = null;
  if (row) {
    const { activities, payments, ...rest } = row;
    link = rest;
    activity = mergeActivity({ activities }, payments, CARD_ACTIVITY_LIMIT);
    for (const p of payments) {
      if (p.lastSyncedAt && (!paymentsLastSyncedAt || p.lastSyncedAt > paymentsLastSyncedAt))
        paymentsLastSyncedAt = p.lastSyncedAt;
    }
  }
  return {
    link,
    activity,
    paymentsLastSyncedAt,
    quickbooksStatus: portal?.quickbooksConnection?.status ?? null,
    hubspotStatus: portal?.hubspotInstallation?.status ?? null,
  };
}
