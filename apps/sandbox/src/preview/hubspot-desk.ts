import { z } from 'zod';
import { hubspotAsUser } from '../seed/emulator-calls.ts';

const invoiceSchema = z.object({
  id: z.string(),
  properties: z.record(z.string(), z.string().nullable()),
  // Keyed by association type ("line items" in HubSpot's answer); only line items are asked for.
  associations: z.record(z.string(), z.object({ results: z.array(z.object({ id: z.string() })) })).optional(),
});
const lineSchema = z.object({ id: z.string(), properties: z.record(z.string(), z.string().nullable()) });

export const HUBSPOT_ACTIONS = ['pay', 'pay-part', 'void', 'edit-line'] as const;
export type HubSpotAction = (typeof HUBSPOT_ACTIONS)[number];

/**
 * What a sales user does to an invoice in HubSpot, through the HubSpot emulator's API as that
 * user (source UI), so the change reaches LedgerSync by webhook like any other.
 */
export function hubspotDesk(hubspotUrl: string, hubId: number) {
  const hs = hubspotAsUser(hubspotUrl, hubId);
  const read = async (id: string) =>
    invoiceSchema.parse(
      await hs.api(
        `/crm/v3/objects/invoices/${encodeURIComponent(id)}?properties=hs_number,hs_balance_due,hs_currency&associations=line_items`,
      ),
    );
  const name = (i: z.infer<typeof invoiceSchema>) => i.properties.hs_number ?? `draft ${i.id}`;
  const record = async (id: string, share: number) => {
    const invoice = await read(id);
    const balance = Number(invoice.properties.hs_balance_due ?? '0');
    const amount = (Math.floor(balance * share * 100) / 100).toFixed(2);
    if (Number(amount) <= 0) return `Invoice ${name(invoice)} has nothing left to pay.`;
    await hs.control(`/ui/invoices/${invoice.id}/payments`, { amount });
    return `Recorded a payment of ${amount} on invoice ${name(invoice)} in HubSpot.`;
  };
  const actions: Record<HubSpotAction, (id: string) => Promise<string>> = {
    pay: (id) => record(id, 1),
    'pay-part': (id) => record(id, 0.5),
    async void(id) {
      const invoice = await read(id);
      await hs.control(`/ui/invoices/${invoice.id}/void`);
      return `Voided invoice ${name(invoice)} in HubSpot.`;
    },
    async 'edit-line'(id) {
      const invoice = await read(id);
      const lineIds = Object.values(invoice.associations ?? {}).flatMap((a) => a.results);
      const first = lineIds[0];
      if (!first) return `Invoice ${name(invoice)} has no line to change.`;
      const line = lineSchema.parse(
        await hs.api(`/crm/v3/objects/line_items/${first.id}?properties=quantity,name`),
      );
      const quantity = String(Number(line.properties.quantity ?? '1') + 1);
      await hs.api(`/crm/v3/objects/line_items/${first.id}`, { properties: { quantity } }, 'PATCH');
      return `Set the quantity of "${line.properties.name ?? 'the first line'}" to ${quantity} on invoice ${name(invoice)} in HubSpot.`;
    },
  };
  return actions;
}
