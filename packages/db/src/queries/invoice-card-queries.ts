import type { DbClient } from '../client/create-prisma-client.ts';
import type {
  ConnectionStatus,
  HubSpotInstallationStatus,
  RecordLink,
  SyncActivity,
} from '../generated/prisma/client.ts';

const CARD_ACTIVITY_LIMIT = 50;

export interface InvoiceCardRows {
  /** Null when the invoice was never seen by the sync. */
  link: RecordLink | null;
  /** The link's activity, newest first. */
  activity: SyncActivity[];
  /** Null when no QuickBooks company was ever connected. */
  quickbooksStatus: ConnectionStatus | null;
  /** Null when the portal holds no HubSpot grant (uninstalled). */
  hubspotStatus: HubSpotInstallationStatus | null;
}

/**
 * Everything the invoice card shows (R-VIS-1), read in one query from the portal's row: the
 * invoice's link with its latest activity, and the state of both connections.
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
          activities: {
            where: { portalId },
            orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
            take: CARD_ACTIVITY_LIMIT,
          },
        },
      },
    },
  });
  const row = portal?.recordLinks[0];
  let link: RecordLink | null = null;
  let activity: SyncActivity[] = [];
  if (row) ({ activities: activity, ...link } = row);
  return {
    link,
    activity,
    quickbooksStatus: portal?.quickbooksConnection?.status ?? null,
    hubspotStatus: portal?.hubspotInstallation?.status ?? null,
  };
}
