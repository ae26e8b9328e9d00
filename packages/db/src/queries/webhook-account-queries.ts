import type { DbClient } from '../client/create-prisma-client.ts';

/**
 * The installed portals among HubSpot account ids, as hub id (decimal string) → portal id. A
 * webhook for an account missing here is for a portal that uninstalled or never installed.
 */
export async function findInstalledPortals(
  db: DbClient,
  hubIds: readonly bigint[],
): Promise<Map<string, string>> {
  const portals = await db.portal.findMany({
    where: { hubId: { in: [...hubIds] }, uninstalledAt: null },
    select: { id: true, hubId: true },
  });
  return new Map(portals.map((p) => [p.hubId.toString(), p.id]));
}

/** The connected QuickBooks companies among realm ids, as realm id → portal id. */
export async function findConnectedRealms(
  db: DbClient,
  realmIds: readonly string[],
): Promise<Map<string, string>> {
  const connections = await db.quickBooksConnection.findMany({
    where: { realmId: { in: [...realmIds] }, status: { not: 'disconnected' } },
    select: { realmId: true, portalId: true },
  });
  return new Map(connections.map((c) => [c.realmId, c.portalId]));
}
