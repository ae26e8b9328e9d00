import { QboQuery } from '@ledgersync/quickbooks';
import type { HsObject, TestPortal, TestWorld } from '@ledgersync/test-world';

/**
 * A HubSpot user creates a contact, a product and an invoice for them, and finalizes it. `suffix`
 * sets the contact's last name and the product's name and SKU apart from other calls'.
 */
export async function finalizedHubSpotInvoice(
  p: TestPortal,
  email = 'ada@example.com',
  suffix = '',
): Promise<HsObject> {
  const contact = await p.hs<HsObject>('/crm/v3/objects/contacts', {
    method: 'POST',
    body: { properties: { email, firstname: 'Ada', lastname: `Lovelace${suffix}` } },
  });
  const product = await p.hs<HsObject>('/crm/v3/objects/products', {
    method: 'POST',
    body: { properties: { name: `Widget${suffix}`, hs_sku: `W-1${suffix}`, price: '12.50' } },
  });
  const draft = await p.hsControl<HsObject>(`/portals/${p.hubId}/ui/invoices`, {
    contactId: contact.id,
    lineItems: [
      { name: `Widget${suffix}`, quantity: '3', price: '12.50', hs_product_id: product.id },
      { name: 'Setup', quantity: '1', price: '40' },
    ],
  });
  return p.hsControl<HsObject>(`/portals/${p.hubId}/ui/invoices/${draft.id}/finalize`);
}

/**
 * A call to the QBO API of the portal's realm made outside LedgerSync (a bookkeeper, another app):
 * GET without a body, POST with one.
 */
export async function qboApi<T>(world: TestWorld, p: TestPortal, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${world.qboUrl}/v3/company/${p.realmId}/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${p.qboToken}`,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`QBO ${path} → ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function countQbo(p: TestPortal, entity: 'Invoice' | 'Customer' | 'Item'): Promise<number> {
  return (await p.qbo.queryPage(QboQuery.select(entity), 1, 1000)).entities.length;
}

export async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not reached in time');
}
