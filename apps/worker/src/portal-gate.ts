import type { Db } from '@ledgersync/db';

export type PortalGate = 'active' | 'paused' | 'stopped';

/**
 * Whether a portal's syncs may run: stopped once uninstalled or disconnected (R-CON-3), paused
 * while its QBO authorization or its HubSpot installation needs renewing (R-ERR-7: nothing is
 * lost, notices wait).
 */
export async function portalGate(db: Db, portalId: string): Promise<PortalGate> {
  const portal = await db.portal.findUnique({
    where: { id: portalId },
    include: { quickbooksConnection: true, hubspotInstallation: { select: { status: true } } },
  });
  if (!portal || portal.uninstalledAt) return 'stopped';
  const status = portal.quickbooksConnection?.status ?? 'disconnected';
  if (status === 'disconnected') return 'stopped';
  if (portal.hubspotInstallation?.status === 'needs_reauth') return 'paused';
  return status === 'needs_reauth' ? 'paused' : 'active';
}
