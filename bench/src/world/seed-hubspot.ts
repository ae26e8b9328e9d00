import { json, mapLimit } from './http.ts';

export interface HsSeedShape {
  readonly invoices: number;
  readonly contacts: number;
  readonly products: number;
  readonly linesPerInvoice: number;
}

interface HsObject {
  id: string;
}

/**
 * A HubSpot user (not the app: no rate limit, not counted) creates contacts and products, then
 * drafts and finalizes invoices. Returns the finalized invoice ids.
 */
export async function seedHubSpot(hubspotUrl: string, hubId: string, s: HsSeedShape): Promise<string[]> {
  const asUser = { 'x-emulator-act-as-user': '1', 'x-emulator-portal-id': hubId };
  const create = (type: string, properties: Record<string, string>) =>
    json<HsObject>(`${hubspotUrl}/crm/v3/objects/${type}`, { body: { properties }, headers: asUser });
  const contacts = await mapLimit(range(s.contacts), 8, (i) =>
    create('contacts', { email: `h${i}.${hubId}@bench.example`, firstname: 'Bench', lastname: `H${i}` }),
  );
  const products = await mapLimit(range(s.products), 8, (i) =>
    create('products', { name: `Bench Product ${i}`, hs_sku: `BP-${i}`, price: String(10 + i) }),
  );
  const ui = `${hubspotUrl}/_emulator/portals/${hubId}/ui/invoices`;
  return mapLimit(range(s.invoices), 8, async (n) => {
    const draft = await json<HsObject>(ui, {
      body: {
        contactId: contacts[n % s.contacts]?.id,
        lineItems: range(s.linesPerInvoice).map((l) => {
          const product = (n + l) % s.products;
          return {
            name: `Bench Product ${product}`,
            quantity: String(1 + ((n + l) % 4)),
            price: String(10 + product),
            hs_product_id: products[product]?.id,
          };
        }),
      },
    });
    await json(`${ui}/${draft.id}/finalize`, { body: {} });
    return draft.id;
  });
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
