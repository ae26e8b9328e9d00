import { type HubSpotObject, hubspotAsUser } from './emulator-calls.ts';
import type { HubSpotDemoData } from './seed-data.ts';

export type DemoState = 'draft' | 'open' | 'partially_paid' | 'paid' | 'voided';

export interface SeededInvoice {
  id: string;
  number: string | null;
  state: DemoState;
  /** The billing contact (HubSpot id). */
  contactId: string;
  /** Why it is expected to fail, when it is. */
  failsWith?: 'R-ERR-1' | 'R-ERR-3' | 'R-ERR-4';
}

/** Sales users' invoices in every state, a few of them bound to fail for reasons the card explains. */
export async function seedHubSpotInvoices(
  hubspotUrl: string,
  hubId: number,
  data: HubSpotDemoData,
): Promise<SeededInvoice[]> {
  const hs = hubspotAsUser(hubspotUrl, hubId, 2);
  const plan: { contact: HubSpotObject; state: DemoState; failsWith?: SeededInvoice['failsWith'] }[] = [];
  const states: DemoState[] = [
    'open',
    'open',
    'paid',
    'partially_paid',
    'open',
    'draft',
    'voided',
    'paid',
    'open',
    'partially_paid',
    'open',
    'draft',
  ];
  states.forEach((state, i) => {
    const contact = data.contacts[i];
    if (contact) plan.push({ contact, state });
  });
  // The 31st contact shares the first one's company, so QBO refuses its display name (R-ERR-2) and
  // its invoices have no QBO customer (R-ERR-1): the card explains both.
  for (const index of [30, 61]) {
    const sharer = data.contacts[index];
    if (sharer) plan.push({ contact: sharer, state: 'open', failsWith: 'R-ERR-1' });
  }

  const out: SeededInvoice[] = [];
  for (const [i, entry] of plan.entries()) {
    const lines = [0, 1, 2].slice(0, 1 + (i % 3)).flatMap((k) => {
      const product = data.products[(i * 7 + k * 11) % data.products.length];
      return product
        ? [
            {
              name: product.properties.name ?? 'Item',
              quantity: String(1 + ((i + k) % 4)),
              price: product.properties.price ?? '10',
              hs_product_id: product.id,
            },
          ]
        : [];
    });
    if (i % 4 === 1) lines.push({ name: 'Site survey', quantity: '1', price: '120', hs_product_id: '' });
    const draft = await hs.control<HubSpotObject>('/ui/invoices', {
      contactId: entry.contact.id,
      lineItems: lines.map(({ hs_product_id, ...rest }) =>
        hs_product_id ? { ...rest, hs_product_id } : rest,
      ),
      properties: { hs_due_date: dueDate(14 + i) },
    });
    let invoice = draft;
    if (entry.state !== 'draft')
      invoice = await hs.control<HubSpotObject>(`/ui/invoices/${draft.id}/finalize`);
    const billed = Number(invoice.properties.hs_amount_billed ?? '0');
    if (entry.state === 'paid')
      await hs.control(`/ui/invoices/${draft.id}/payments`, { amount: String(billed) });
    if (entry.state === 'partially_paid') {
      await hs.control(`/ui/invoices/${draft.id}/payments`, {
        amount: (Math.floor(billed * 40) / 100).toFixed(2),
      });
    }
    if (entry.state === 'voided') await hs.control(`/ui/invoices/${draft.id}/void`);
    out.push({
      id: draft.id,
      number: invoice.properties.hs_number ?? null,
      state: entry.state,
      contactId: entry.contact.id,
      ...(entry.failsWith ? { failsWith: entry.failsWith } : {}),
    });
  }
  return out;
}

function dueDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
