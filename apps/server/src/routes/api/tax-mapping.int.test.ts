import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Portal, settingsFromRows } from '@ledgersync/db';
import { US_COMPANY } from '../../testing/fake-gateways.ts';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';

const CA_COMPANY = { ...US_COMPANY, companyName: 'Maple Books', country: 'CA', homeCurrency: 'CAD' };

describe('tax mapping API (R-ERR-5)', () => {
  let t: TestServer;
  let canadian: Portal;
  let american: Portal;
  let other: Portal;

  const turnOn = (portal: Portal, object: string, direction = 'two_way') =>
    t.signed(t.app, portal, 'PUT', `/api/v1/settings/objects/${object}`, { enabled: true, direction });

  beforeAll(async () => {
    t = await startTestServer();
    canadian = await t.portal({ tier: 'professional', realmId: 'realm-ca' });
    american = await t.portal({ tier: 'professional', realmId: 'realm-us' });
    other = await t.portal({ tier: 'professional', realmId: 'realm-other' });
    t.quickbooks.companies.set('realm-ca', CA_COMPANY);
    t.quickbooks.companies.set('realm-other', CA_COMPANY);
    await t.db.quickBooksConnection.updateMany({
      where: { realmId: { in: ['realm-ca', 'realm-other'] } },
      data: { country: 'CA' },
    });
    for (const p of [canadian, other]) {
      await turnOn(p, 'customer');
      await turnOn(p, 'product');
      await t.signed(t.app, p, 'PUT', '/api/v1/settings/custom-line-item-account', { accountId: '79' });
    }
  });
  afterAll(async () => t.close());

  it("lists the company's active tax codes", async () => {
    const res = await t.signed(t.app, canadian, 'GET', '/api/v1/settings/tax-codes');
    expect(res.statusCode).toBe(200);
    expect(res.json().taxCodes).toEqual([
      { id: '4', name: 'GST', description: 'GST 5%' },
      { id: '5', name: 'HST ON', description: 'HST Ontario 13%' },
    ]);
  });

  it('refuses outbound invoice sync to a non-US company until a tax mapping is saved, then allows it', async () => {
    const refused = await turnOn(canadian, 'invoice');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toBe('tax_required_non_us');

    const saved = await t.signed(t.app, canadian, 'PUT', '/api/v1/settings/tax-mapping', {
      defaultTaxCodeId: '5',
      byHubspotProductId: { '901': '4' },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({
      taxMapping: { defaultTaxCodeId: '5', byHubspotProductId: { '901': '4' } },
    });
    const view = (await t.signed(t.app, canadian, 'GET', '/api/v1/settings')).json();
    expect(view.invoice.taxMapping).toEqual({ defaultTaxCodeId: '5', byHubspotProductId: { '901': '4' } });

    const allowed = await turnOn(canadian, 'invoice');
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json()).toMatchObject({ enabled: true, direction: 'two_way' });

    // The worker builds the engine's settings from the same rows: the mapping reaches the engine.
    const rows = await t.db.syncSettings.findMany({ where: { portalId: canadian.id } });
    const engine = settingsFromRows(canadian.id, 'professional', rows);
    expect(engine.invoice.taxMapping).toEqual({ defaultTaxCodeId: '5', byHubspotProductId: { '901': '4' } });
  });

  it('keeps the other options of the invoices row when saving the mapping', async () => {
    await t.db.syncSettings.update({
      where: { portalId_object: { portalId: canadian.id, object: 'invoice' } },
      data: { options: { keepMe: true, taxMapping: { defaultTaxCodeId: '5', byHubspotProductId: {} } } },
    });
    await t.signed(t.app, canadian, 'PUT', '/api/v1/settings/tax-mapping', { defaultTaxCodeId: '4' });
    const row = await t.db.syncSettings.findUnique({
      where: { portalId_object: { portalId: canadian.id, object: 'invoice' } },
    });
    expect(row?.options).toEqual({
      keepMe: true,
      taxMapping: { defaultTaxCodeId: '4', byHubspotProductId: {} },
    });
  });

  it('will not remove the mapping while invoices sync to the non-US company', async () => {
    const inUse = await t.signed(t.app, canadian, 'DELETE', '/api/v1/settings/tax-mapping');
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error).toBe('tax_mapping_in_use');
    await t.signed(t.app, canadian, 'PUT', '/api/v1/settings/objects/invoice', { enabled: false });
    const removed = await t.signed(t.app, canadian, 'DELETE', '/api/v1/settings/tax-mapping');
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toEqual({ taxMapping: null });
    expect((await t.signed(t.app, canadian, 'GET', '/api/v1/settings')).json().invoice.taxMapping).toBeNull();
    expect((await turnOn(canadian, 'invoice')).json().error).toBe('tax_required_non_us');
  });

  it('names what is wrong in a bad mapping', async () => {
    const cases: [unknown, number, string, string][] = [
      [{ defaultTaxCodeId: '99' }, 400, 'unknown_tax_code', 'default tax code'],
      [
        { defaultTaxCodeId: '4', byHubspotProductId: { '901': '77' } },
        400,
        'unknown_tax_code',
        'product 901',
      ],
      [{ defaultTaxCodeId: '' }, 400, 'invalid_request', 'defaultTaxCodeId'],
      [
        { defaultTaxCodeId: '4', byHubspotProductId: { abc: '4' } },
        400,
        'invalid_request',
        'byHubspotProductId',
      ],
      [{ defaultTaxCodeId: '4', rate: 5 }, 400, 'invalid_request', 'rate'],
    ];
    for (const [body, status, error, named] of cases) {
      const res = await t.signed(t.app, canadian, 'PUT', '/api/v1/settings/tax-mapping', body);
      expect({ body, status: res.statusCode, error: res.json().error }).toEqual({ body, status, error });
      expect(JSON.stringify(res.json())).toContain(named);
    }
  });

  it('is refused for a US company, whose sales tax QuickBooks works out itself', async () => {
    const res = await t.signed(t.app, american, 'PUT', '/api/v1/settings/tax-mapping', {
      defaultTaxCodeId: '4',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toBe('tax_mapping_not_needed');
  });

  it("keeps each portal's mapping to itself", async () => {
    await t.signed(t.app, other, 'PUT', '/api/v1/settings/tax-mapping', { defaultTaxCodeId: '4' });
    await t.signed(t.app, canadian, 'PUT', '/api/v1/settings/tax-mapping', { defaultTaxCodeId: '5' });
    const mine = (await t.signed(t.app, other, 'GET', '/api/v1/settings')).json().invoice.taxMapping;
    expect(mine).toEqual({ defaultTaxCodeId: '4', byHubspotProductId: {} });
  });
});
