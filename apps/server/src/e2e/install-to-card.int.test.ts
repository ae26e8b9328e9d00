import { describe, expect, it } from '@jest/globals';
import type { HsObject } from '@ledgersync/test-world';
import { useLiveWorld } from '../testing/live-world.ts';

describe('end to end through both emulators', () => {
  const live = useLiveWorld();

  it('install → connect QBO → turn on invoice sync → a finalized HubSpot invoice reaches QBO → the card shows it synced', async () => {
    const world = live();
    const { signed } = world;
    // Install (R-CON-1): our redirect, HubSpot's consent (approved on a fresh portal), our callback.
    const { hubId, portalId } = await world.installPortal();

    // Connect QBO (R-CON-2) from the signed settings page.
    await world.connectQuickBooks(hubId);
    const settings = (await signed(hubId, 'GET', '/api/v1/settings')).json();
    expect(settings.connection.status).toBe('connected');

    // Turn on contacts, products, then invoices with the Custom Line Item account.
    for (const object of ['customer', 'product']) {
      expect(
        (await signed(hubId, 'PUT', `/api/v1/settings/objects/${object}`, { enabled: true })).statusCode,
      ).toBe(200);
    }
    const accounts = (await signed(hubId, 'GET', '/api/v1/settings/income-accounts')).json().accounts;
    expect(accounts.length).toBeGreaterThan(0);
    await signed(hubId, 'PUT', '/api/v1/settings/custom-line-item-account', { accountId: accounts[0].id });
    const invoicesOn = await signed(hubId, 'PUT', '/api/v1/settings/objects/invoice', {
      enabled: true,
      direction: 'two_way',
    });
    expect(invoicesOn.json()).toMatchObject({ enabled: true, direction: 'two_way' });

    // A finalized HubSpot invoice, made after the sync started.
    const hs = await world.hubspotApi(portalId);
    const contact = await hs<HsObject>('/crm/v3/objects/contacts', {
      properties: { email: 'ada@example.com', firstname: 'Ada', lastname: 'Lovelace' },
    });
    const draft = await world.control<HsObject>(`/portals/${hubId}/ui/invoices`, {
      contactId: contact.id,
      lineItems: [{ name: 'Setup', quantity: '2', price: '40' }],
    });
    await world.control(`/portals/${hubId}/ui/invoices/${draft.id}/finalize`);

    // HubSpot's webhook reaches us, signed; the notice is stored and the portal's job queued.
    const webhook = await world.sendHubSpotWebhook(hubId, [
      {
        subscriptionType: 'object.propertyChange',
        objectTypeId: '0-53',
        objectId: Number(draft.id),
        propertyName: 'hs_invoice_status',
        propertyValue: 'open',
      },
    ]);
    expect(webhook.json()).toMatchObject({ stored: 1 });

    // The worker's drain for this portal, with its production adapters.
    await world.drain(portalId);

    const card = (await signed(hubId, 'GET', `/api/v1/invoices/${draft.id}/card`)).json();
    expect(card).toMatchObject({ invoiceId: draft.id, status: 'synced', error: null });
    expect(card.quickbooks.id).toMatch(/^\d+$/);
    expect(card.quickbooks.url).toContain(`txnId=${card.quickbooks.id}`);
    expect(card.activity.length).toBeGreaterThan(0);

    // The same real gateways serve the settings page's QBO and HubSpot reads and the export.
    const catalogue = (await signed(hubId, 'GET', '/api/v1/settings/field-catalogue')).json();
    expect(catalogue.hubspot.some((p: { name: string }) => p.name === 'hs_due_date')).toBe(true);
    expect(catalogue.quickbooks.some((f: { field: string }) => f.field === 'DocNumber')).toBe(true);
    const checks = (await signed(hubId, 'GET', '/api/v1/settings/recommendations')).json().checks;
    expect(checks).toHaveLength(3);
    const csv = await signed(
      hubId,
      'GET',
      '/api/v1/exports/historical-invoices.csv?before=2100-01-01T00:00:00Z',
    );
    expect(csv.statusCode).toBe(200);
    const rows = csv.body.trimEnd().split('\r\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('Ada Lovelace');
    expect(rows[1]).toContain('Setup');
  });
});
