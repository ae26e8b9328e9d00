import { quickbooksAsUser } from './emulator-calls.ts';

interface QboLine {
  Amount?: number;
  DetailType?: string;
  SalesItemLineDetail?: { Qty?: number; UnitPrice?: number; ItemRef?: unknown };
}

interface QboInvoice {
  Id: string;
  SyncToken: string;
  Line?: QboLine[];
}

/**
 * R-ERR-4: a bookkeeper changes a line of a HubSpot-native invoice in QuickBooks. HubSpot refuses
 * amount changes from apps, so the sync fails and the card says to make the change in HubSpot.
 * Runs after start (the invoice must have reached QBO first); gives up after `timeoutMs`.
 */
export async function editAmountInQuickBooks(
  qboUrl: string,
  realmId: string,
  docNumber: string,
  timeoutMs: number,
): Promise<boolean> {
  const qbo = await quickbooksAsUser(qboUrl, realmId);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = await qbo.query<QboInvoice>(
      `select * from Invoice where DocNumber = '${docNumber.replace(/'/g, '')}'`,
    );
    const invoice = found.QueryResponse.Invoice?.[0];
    const lines = invoice?.Line?.filter((l) => l.DetailType === 'SalesItemLineDetail') ?? [];
    const first = lines[0]?.SalesItemLineDetail;
    if (invoice && first) {
      const qty = (first.Qty ?? 1) + 1;
      const price = first.UnitPrice ?? 0;
      const edited = lines.map((l, i) =>
        i === 0
          ? { ...l, Amount: Math.round(qty * price * 100) / 100, SalesItemLineDetail: { ...first, Qty: qty } }
          : l,
      );
      try {
        await qbo.post('/invoice', {
          Id: invoice.Id,
          SyncToken: invoice.SyncToken,
          sparse: true,
          Line: edited,
        });
        return true;
      } catch {
        // The sync wrote the invoice between our read and write (stale SyncToken): read it again.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return false;
}
