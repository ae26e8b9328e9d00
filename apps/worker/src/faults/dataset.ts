import type { Side, SyncObject } from '@ledgersync/sync-engine';
import type { HsObject, TestPortal, TestWorld } from '@ledgersync/test-world';

// The records a fault scenario syncs: customers, invoices and payments made in QuickBooks (seeded
// through the emulator's control API, which applies QBO's own rules) and contacts made in HubSpot.
// Every record carries a unique name, so each side can be counted by it afterwards.

export interface Dataset {
  /** QBO customers' DisplayName (QBO-made and HubSpot-made alike, as QBO will show them). */
  readonly customerNames: readonly string[];
  readonly invoiceDocNumbers: readonly string[];
  /** QBO ids of everything made in QBO: each must appear once in HubSpot as `ledgersync_qbo_id`. */
  readonly qboIds: { customer: string[]; invoice: string[]; payment: string[] };
  readonly hubspotContactIds: readonly string[];
  /** The change notices a webhook would store for all of it. */
  readonly notices: ReadonlyArray<{ side: Side; object: SyncObject; recordId: string }>;
}

interface Seeded {
  Id: string;
}

async function seed(
  world: TestWorld,
  p: TestPortal,
  body: Record<string, unknown[]>,
): Promise<Record<string, Seeded[]>> {
  const response = await fetch(`${world.qboUrl}/_emulator/realms/${p.realmId}/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`seed refused: ${response.status} ${text}`);
  return JSON.parse(text) as Record<string, Seeded[]>;
}

/**
 * `size` records in all, a third each of customers, invoices (one per customer) and payments
 * (paying those invoices in full), plus size/6 HubSpot contacts. `tag` keeps names unique per run.
 */
export async function buildDataset(
  world: TestWorld,
  p: TestPortal,
  size: number,
  tag: string,
): Promise<Dataset> {
  const third = Math.max(1, Math.floor(size / 3));
  const names = Array.from({ length: third }, (_, i) => `Fault ${tag} Customer ${i}`);
  const { Item = [] } = await seed(world, p, {
    Item: [
      {
        Name: `Fault ${tag} Service`,
        Type: 'Service',
        UnitPrice: 25,
        IncomeAccountRef: { value: p.incomeAccountId },
      },
    ],
  });
  const itemId = Item[0]?.Id ?? '';
  const { Customer: customers = [] } = await seed(world, p, {
    Customer: names.map((DisplayName, i) => ({
      DisplayName,
      GivenName: `Given${i}`,
      FamilyName: `${tag}F${i}`,
      PrimaryEmailAddr: { Address: `fault-${tag}-${i}@example.com` },
    })),
  });
  const docNumbers = customers.map((_, i) => `F${tag}-${i}`);
  const { Invoice: invoices = [] } = await seed(world, p, {
    Invoice: customers.map((c, i) => ({
      CustomerRef: { value: c.Id },
      DocNumber: docNumbers[i],
      Line: [
        {
          DetailType: 'SalesItemLineDetail',
          Amount: 25 * (1 + (i % 4)),
          SalesItemLineDetail: { ItemRef: { value: itemId }, Qty: 1 + (i % 4), UnitPrice: 25 },
        },
      ],
    })),
  });
  const { Payment: payments = [] } = await seed(world, p, {
    Payment: invoices.map((inv, i) => ({
      CustomerRef: { value: customers[i]?.Id },
      TotalAmt: 25 * (1 + (i % 4)),
      Line: [{ Amount: 25 * (1 + (i % 4)), LinkedTxn: [{ TxnId: inv.Id, TxnType: 'Invoice' }] }],
    })),
  });
  const hsNames: string[] = [];
  const hubspotContactIds: string[] = [];
  for (let i = 0; i < Math.max(1, Math.floor(size / 6)); i++) {
    const contact = await p.hs<HsObject>('/crm/v3/objects/contacts', {
      method: 'POST',
      body: {
        properties: { email: `hs-${tag}-${i}@example.com`, firstname: 'Hub', lastname: `${tag}H${i}` },
      },
    });
    hubspotContactIds.push(contact.id);
    hsNames.push(`Hub ${tag}H${i}`);
  }
  const qboIds = {
    customer: customers.map((c) => c.Id),
    invoice: invoices.map((c) => c.Id),
    payment: payments.map((c) => c.Id),
  };
  return {
    customerNames: [...names, ...hsNames],
    invoiceDocNumbers: docNumbers,
    qboIds,
    hubspotContactIds,
    notices: [
      ...qboIds.customer.map((recordId) => ({
        side: 'quickbooks' as const,
        object: 'customer' as const,
        recordId,
      })),
      ...qboIds.invoice.map((recordId) => ({
        side: 'quickbooks' as const,
        object: 'invoice' as const,
        recordId,
      })),
      ...qboIds.payment.map((recordId) => ({
        side: 'quickbooks' as const,
        object: 'payment' as const,
        recordId,
      })),
      ...hubspotContactIds.map((recordId) => ({
        side: 'hubspot' as const,
        object: 'customer' as const,
        recordId,
      })),
    ],
  };
}
