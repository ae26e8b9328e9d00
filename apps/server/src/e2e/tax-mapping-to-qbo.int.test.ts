import { describe, expect, it } from '@jest/globals';
import type { HsObject } from '@ledgersync/test-world';
import { useLiveWorld } from '../testing/live-world.ts';

describe('tax mapping end to end: a non-US company gets a tax code on every synced line (R-ERR-5)', () => {
  const live = useLiveWorld();

  it('refuses invoices to a Canadian company until a tax code is mapped, then QBO receives taxed lines', async () => {
    const world = live();
    const { signed, qboUrl } = world;
    const { hubId, portalId } = await world.installPortal();

    // A Canadian QuickBooks company (GST/HST; the emulator refuses untaxed lines there).
    const realmId = await world.createQuickBooksCompany({ companyName: 'Maple Ltd', country: 'CA' });
    await world.connectQuickBooks(hubId, realmId);
    expect((await signed(hubId, 'GET', '/api/v1/settings')).json().connection).toMatchObject({
      status: 'connected',
      country: 'CA',
    });
    for (const object of ['customer', 'product']) {
      await signed(hubId, 'PUT', `/api/v1/settings/objects/${object}`, { enabled: true });
    }
    const accounts = (await signed(hubId, 'GET', '/api/v1/settings/income-accounts')).json().accounts;
    await signed(hubId, 'PUT', '/api/v1/settings/custom-line-item-account', { accountId: accounts[0].id });
    const refused = await signed(hubId, 'PUT', '/api/v1/settings/objects/invoice', {
      enabled: true,
      direction: 'two_way',
    });
    expect(refused.json().error).toBe('tax_required_non_us');

    // The company's own tax codes, read through the production gateway.
    const codes = (await signed(hubId, 'GET', '/api/v1/settings/tax-codes')).json().taxCodes;
    const hst = codes.find((c: { name: string }) => c.name === 'HST ON');
    expect(hst).toBeDefined();
    expect(
      (await signed(hubId, 'PUT', '/api/v1/settings/tax-mapping', { defaultTaxCodeId: hst.id })).statusCode,
    ).toBe(200);
    const on = await signed(hubId, 'PUT', '/api/v1/settings/objects/invoice', {
      enabled: true,
      direction: 'two_way',
    });
    expect(on.json()).toMatchObject({ enabled: true, direction: 'two_way' });

    const hs = await world.hubspotApi(portalId);
    const contact = await hs<HsObject>('/crm/v3/objects/contacts', {
      properties: { email: 'lin@example.ca', firstname: 'Lin', lastname: 'Ng' },
    });
    const draft = await world.control<HsObject>(`/portals/${hubId}/ui/invoices`, {
      contactId: contact.id,
      properties: { hs_currency: 'CAD' },
      lineItems: [{ name: 'Setup', quantity: '2', price: '40' }],
    });
    await world.control(`/portals/${hubId}/ui/invoices/${draft.id}/finalize`);
    await world.sendHubSpotWebhook(hubId, [
      {
        subscriptionType: 'object.propertyChange',
        objectTypeId: '0-53',
        objectId: Number(draft.id),
        propertyName: 'hs_invoice_status',
        propertyValue: 'open',
      },
    ]);

    // The worker reads the mapping from the same settings rows the API wrote.
    await world.drain(portalId);

    const card = (await signed(hubId, 'GET', `/api/v1/invoices/${draft.id}/card`)).json();
    expect(card).toMatchObject({ status: 'synced', error: null });
    const qboToken = await world.postJson<{ access_token?: string; accessToken?: string }>(
      `${qboUrl}/_emulator/tokens`,
      { realmId },
    );
    const invoice = (
      (await (
        await fetch(`${qboUrl}/v3/company/${realmId}/invoice/${card.quickbooks.id}`, {
          headers: {
            accept: 'application/json',
            authorization: `Bearer ${qboToken.access_token ?? qboToken.accessToken}`,
          },
        })
      ).json()) as {
        Invoice: {
          Line: { DetailType: string; SalesItemLineDetail?: { TaxCodeRef?: { value: string } } }[];
          TxnTaxDetail?: { TotalTax?: number };
        };
      }
    ).Invoice;
    const sales = invoice.Line.filter((l) => l.DetailType === 'SalesItemLineDetail');
    expect(sales.length).toBeGreaterThan(0);
    expect(sales.map((l) => l.SalesItemLineDetail?.TaxCodeRef?.value)).toEqual(sales.map(() => hst.id));
    expect(invoice.TxnTaxDetail?.TotalTax).toBe(10.4);

    // QBO's total holds the tax and HubSpot's does not, for good: the next sync of the invoice
    // takes that for no edit (R-EDT-1) and it stays synced.
    const again = await world.sendHubSpotWebhook(hubId, [
      {
        eventId: 2,
        subscriptionType: 'object.propertyChange',
        objectTypeId: '0-53',
        objectId: Number(draft.id),
        propertyName: 'hs_comments',
        propertyValue: '',
      },
    ]);
    expect(again.json()).toMatchObject({ stored: 1 });
    await world.drain(portalId);
    expect((await signed(hubId, 'GET', `/api/v1/invoices/${draft.id}/card`)).json()).toMatchObject({
      status: 'synced',
      error: null,
    });
  });
});
