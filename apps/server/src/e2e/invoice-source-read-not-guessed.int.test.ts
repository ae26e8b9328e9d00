import { describe, expect, it } from '@jest/globals';
import { loadInvoiceSourceOptions } from '@ledgersync/db';
import type { HsObject } from '@ledgersync/test-world';
import { useLiveWorld } from '../testing/live-world.ts';

describe('the Invoice source is read from HubSpot, not guessed (R-FLT-1)', () => {
  const live = useLiveWorld();

  it('install stores the source options; an invoice of a source LedgerSync does not know is excluded with the source named and counted in the overview', async () => {
    const world = live();
    const { signed } = world;
    const { hubId, portalId } = await world.installPortal();
    // Read at install, from the property's definition.
    expect(await loadInvoiceSourceOptions(world.db, portalId)).toContainEqual({
      value: 'hubspot',
      label: 'HubSpot',
    });

    await world.connectQuickBooks(hubId);
    for (const object of ['customer', 'product']) {
      await signed(hubId, 'PUT', `/api/v1/settings/objects/${object}`, { enabled: true });
    }
    const accounts = (await signed(hubId, 'GET', '/api/v1/settings/income-accounts')).json().accounts;
    await signed(hubId, 'PUT', '/api/v1/settings/custom-line-item-account', { accountId: accounts[0].id });
    await signed(hubId, 'PUT', '/api/v1/settings/objects/invoice', { enabled: true, direction: 'two_way' });

    const hs = await world.hubspotApi(portalId);
    const contact = await hs<HsObject>('/crm/v3/objects/contacts', {
      properties: { email: 'src@example.com', firstname: 'Sol', lastname: 'Source' },
    });
    // Three finalized invoices: HubSpot's own, a data sync's, and one from a source HubSpot added
    // after the install (so not among the stored options).
    const invoice = async (source?: { value: string; label: string }) => {
      const draft = await world.control<HsObject>(`/portals/${hubId}/ui/invoices`, {
        contactId: contact.id,
        lineItems: [{ name: 'Setup', quantity: '1', price: '40' }],
        ...(source ? { source } : {}),
      });
      await world.control(`/portals/${hubId}/ui/invoices/${draft.id}/finalize`);
      return draft.id;
    };
    const native = await invoice();
    const synced = await invoice({ value: 'data_sync', label: 'Data Sync' });
    const stripe = await invoice({ value: 'stripe_sync', label: 'Stripe' });
    await world.sendHubSpotWebhook(
      hubId,
      [native, synced, stripe].map((id) => ({
        subscriptionType: 'object.propertyChange',
        objectTypeId: '0-53',
        objectId: Number(id),
        propertyName: 'hs_invoice_status',
        propertyValue: 'open',
      })),
    );
    await world.drain(portalId);

    const card = async (id: string) => (await signed(hubId, 'GET', `/api/v1/invoices/${id}/card`)).json();
    expect(await card(native)).toMatchObject({ status: 'synced' });
    expect((await card(synced)).exclusion).toMatchObject({ reason: 'not_hubspot_source' });
    expect((await card(synced)).exclusion.explanation).toMatch(
      /^Invoice source "Data Sync" is not HubSpot\./,
    );
    expect((await card(stripe)).exclusion).toMatchObject({ reason: 'unknown_invoice_source' });
    expect((await card(stripe)).exclusion.explanation).toMatch(/^Invoice source "Stripe" is not HubSpot\./);

    // The value it did not know made the drain read the definition again.
    expect(await loadInvoiceSourceOptions(world.db, portalId)).toContainEqual({
      value: 'stripe_sync',
      label: 'Stripe',
    });
    const overview = (await signed(hubId, 'GET', '/api/v1/overview')).json();
    expect(overview.unknownInvoiceSources).toEqual({
      count: 1,
      sources: [{ detail: 'Invoice source "Stripe" is not HubSpot', count: 1 }],
    });
  });
});
