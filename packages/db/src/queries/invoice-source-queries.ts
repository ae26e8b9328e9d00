import { z } from 'zod';
import type { DbClient } from '../client/create-prisma-client.ts';

const optionsSchema = z.array(z.object({ value: z.string(), label: z.string() }));
export type StoredInvoiceSourceOption = z.infer<typeof optionsSchema>[number];

/** The portal's `hs_invoice_source` options as last read from HubSpot (none before the first read). */
export async function loadInvoiceSourceOptions(
  db: DbClient,
  portalId: string,
): Promise<StoredInvoiceSourceOption[]> {
  const row = await db.hubSpotInstallation.findUnique({
    where: { portalId },
    select: { invoiceSourceOptions: true },
  });
  return row ? optionsSchema.parse(row.invoiceSourceOptions) : [];
}

export async function saveInvoiceSourceOptions(
  db: DbClient,
  portalId: string,
  options: readonly StoredInvoiceSourceOption[],
  readAt: Date,
): Promise<void> {
  await db.hubSpotInstallation.updateMany({
    where: { portalId },
    data: {
      invoiceSourceOptions: options.map((o) => ({ value: o.value, label: o.label })),
      invoiceSourceOptionsReadAt: readAt,
    },
  });
}

/** Portals with an active installation whose options were never read, or last read before `before`. */
export async function listInvoiceSourceOptionsDue(db: DbClient, before: Date): Promise<string[]> {
  const rows = await db.hubSpotInstallation.findMany({
    where: {
      status: 'active',
      OR: [{ invoiceSourceOptionsReadAt: null }, { invoiceSourceOptionsReadAt: { lt: before } }],
    },
    select: { portalId: true },
  });
  return rows.map((r) => r.portalId);
}
