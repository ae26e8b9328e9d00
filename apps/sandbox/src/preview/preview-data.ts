import { z } from 'zod';
import { callJson, hubspotAsUser, quickbooksAsUser } from '../seed/emulator-calls.ts';
import { setRevenueRecognition } from '../seed/seed-revenue-recognition-failure.ts';

const hsList = z.object({
  results: z.array(z.object({ id: z.string(), properties: z.record(z.string(), z.string().nullable()) })),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});

const PROPS = [
  'hs_number',
  'hs_invoice_status',
  'hs_amount_billed',
  'hs_balance_due',
  'hs_invoice_source',
  'hs_title',
];

export interface InvoiceRow {
  id: string;
  number: string | null;
  status: string | null;
  amount: string | null;
  balance: string | null;
  customer: string | null;
  source: string | null;
}

const row = (r: { id: string; properties: Record<string, string | null> }): InvoiceRow => ({
  id: r.id,
  number: r.properties.hs_number ?? null,
  status: r.properties.hs_invoice_status ?? null,
  amount: r.properties.hs_amount_billed ?? null,
  balance: r.properties.hs_balance_due ?? null,
  customer: r.properties.hs_title ?? null,
  source: r.properties.hs_invoice_source ?? null,
});

/** The portal's invoices, read from the HubSpot emulator as the signed-in user sees them. */
export async function listHubSpotInvoices(hubspotUrl: string, hubId: number): Promise<InvoiceRow[]> {
  const hs = hubspotAsUser(hubspotUrl, hubId);
  const out: InvoiceRow[] = [];
  let after: string | undefined;
  do {
    const page = hsList.parse(
      await hs.api(
        `/crm/v3/objects/invoices?limit=100&properties=${PROPS.join(',')}${after ? `&after=${after}` : ''}`,
      ),
    );
    out.push(...page.results.map(row));
    after = page.paging?.next?.after;
  } while (after && out.length < 1000);
  return out.sort((a, b) => Number(b.id) - Number(a.id));
}

export async function readHubSpotInvoice(
  hubspotUrl: string,
  hubId: number,
  id: string,
): Promise<InvoiceRow | null> {
  const hs = hubspotAsUser(hubspotUrl, hubId);
  try {
    return row(
      await hs.api(`/crm/v3/objects/invoices/${encodeURIComponent(id)}?properties=${PROPS.join(',')}`),
    );
  } catch {
    return null;
  }
}

// What a HubSpot record page shows first, per object type the overview links to (contacts, products, payments).
const RECORD_PROPS: Readonly<Record<string, { path: string; kind: string; props: readonly string[] }>> = {
  '0-1': { path: 'contacts', kind: 'Contact', props: ['firstname', 'lastname', 'email', 'company'] },
  '0-7': { path: 'products', kind: 'Product', props: ['name', 'hs_sku', 'price', 'description'] },
  '0-101': {
    path: 'commerce_payments',
    kind: 'Payment',
    props: ['hs_initial_amount', 'hs_currency_code', 'hs_initiated_date'],
  },
};

export interface RecordView {
  id: string;
  kind: string;
  properties: Record<string, string | null>;
}

/** A contact, product or payment as its HubSpot record page shows it; null for another type or none. */
export async function readHubSpotRecord(
  hubspotUrl: string,
  hubId: number,
  objectTypeId: string,
  id: string,
): Promise<RecordView | null> {
  const type = RECORD_PROPS[objectTypeId];
  if (!type) return null;
  try {
    const found = z
      .object({ id: z.string(), properties: z.record(z.string(), z.string().nullable()) })
      .parse(
        await hubspotAsUser(hubspotUrl, hubId).api(
          `/crm/v3/objects/${type.path}/${encodeURIComponent(id)}?properties=${type.props.join(',')}`,
        ),
      );
    const properties = Object.fromEntries(type.props.map((p) => [p, found.properties[p] ?? null]));
    return { id: found.id, kind: type.kind, properties };
  } catch {
    return null;
  }
}

interface QboInvoice {
  Id: string;
  SyncToken: string;
  DocNumber?: string;
  TotalAmt?: number;
  Balance?: number;
  PrivateNote?: string;
  DueDate?: string;
  CustomerRef?: { value: string; name?: string };
}

export interface QboInvoiceRow {
  id: string;
  docNumber: string | null;
  customer: string | null;
  total: number;
  balance: number;
  status: string;
}

function statusOf(i: QboInvoice): string {
  const total = i.TotalAmt ?? 0;
  const balance = i.Balance ?? 0;
  if (/voided/i.test(i.PrivateNote ?? '') || (total === 0 && balance === 0)) return 'Voided';
  if (balance === 0) return 'Paid';
  if (balance < total) return 'Partially paid';
  return 'Open';
}

/** The QuickBooks company's invoices and what a bookkeeper can do to one of them. */
export async function quickbooksDesk(qboUrl: string, realmId: string) {
  const qbo = await quickbooksAsUser(qboUrl, realmId);
  const read = async (id: string) => {
    const r = await qbo.query<QboInvoice>(`select * from Invoice where Id = '${id.replace(/\D/g, '')}'`);
    const invoice = r.QueryResponse.Invoice?.[0];
    if (!invoice) throw new Error(`QuickBooks has no invoice ${id}`);
    return invoice;
  };
  return {
    async revenueRecognition(): Promise<boolean> {
      const r = await qbo.get<{
        Preferences: { ProductAndServicesPrefs?: { RevenueRecognition?: boolean } };
      }>('/preferences');
      return r.Preferences.ProductAndServicesPrefs?.RevenueRecognition === true;
    },
    async setRevenueRecognition(on: boolean): Promise<string> {
      await setRevenueRecognition(qboUrl, realmId, on);
      return `Revenue recognition is ${on ? 'on' : 'off'} in QuickBooks.`;
    },
    async list(): Promise<QboInvoiceRow[]> {
      const r = await qbo.query<QboInvoice>('select * from Invoice maxresults 1000');
      return (r.QueryResponse.Invoice ?? [])
        .map((i) => ({
          id: i.Id,
          docNumber: i.DocNumber ?? null,
          customer: i.CustomerRef?.name ?? null,
          total: i.TotalAmt ?? 0,
          balance: i.Balance ?? 0,
          status: statusOf(i),
        }))
        .sort((a, b) => Number(b.id) - Number(a.id));
    },
    async pay(id: string): Promise<string> {
      const invoice = await read(id);
      const amount = invoice.Balance ?? 0;
      if (amount <= 0) return `Invoice ${invoice.DocNumber ?? id} has nothing left to pay.`;
      await qbo.post('/payment', {
        CustomerRef: { value: invoice.CustomerRef?.value },
        TotalAmt: amount,
        Line: [{ Amount: amount, LinkedTxn: [{ TxnId: invoice.Id, TxnType: 'Invoice' }] }],
      });
      return `Received ${amount.toFixed(2)} for invoice ${invoice.DocNumber ?? id} in QuickBooks.`;
    },
    async edit(id: string): Promise<string> {
      const invoice = await read(id);
      const due = new Date(`${invoice.DueDate ?? new Date().toISOString().slice(0, 10)}T00:00:00Z`);
      due.setUTCDate(due.getUTCDate() + 7);
      const dueDate = due.toISOString().slice(0, 10);
      await qbo.post('/invoice', {
        Id: invoice.Id,
        SyncToken: invoice.SyncToken,
        sparse: true,
        DueDate: dueDate,
      });
      return `Moved the due date of invoice ${invoice.DocNumber ?? id} to ${dueDate} in QuickBooks.`;
    },
    async void(id: string): Promise<string> {
      const invoice = await read(id);
      await qbo.post('/invoice?operation=void', {
        Id: invoice.Id,
        SyncToken: invoice.SyncToken,
        sparse: true,
      });
      return `Voided invoice ${invoice.DocNumber ?? id} in QuickBooks.`;
    },
  };
}

export { callJson };
