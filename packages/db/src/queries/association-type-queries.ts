import { z } from 'zod';
import type { DbClient } from '../client/create-prisma-client.ts';

const idsSchema = z.record(z.string(), z.number().int());
export type StoredAssociationTypeIds = z.infer<typeof idsSchema>;

/** The portal's default HubSpot association type ids (`from->to` → id) as last read (none before). */
export async function loadAssociationTypeIds(
  db: DbClient,
  portalId: string,
): Promise<StoredAssociationTypeIds> {
  const row = await db.hubSpotInstallation.findUnique({
    where: { portalId },
    select: { associationTypeIds: true },
  });
  return row ? idsSchema.parse(row.associationTypeIds) : {};
}

export async function saveAssociationTypeIds(
  db: DbClient,
  portalId: string,
  ids: Readonly<StoredAssociationTypeIds>,
): Promise<void> {
  await db.hubSpotInstallation.updateMany({ where: { portalId }, data: { associationTypeIds: { ...ids } } });
}
