import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPrismaSyncStore } from '@ledgersync/db';
import {
  JsonDecimal,
  QBO_RATE_LIMITS,
  QboQuery,
  RealmRateLimiter,
  staticAccessToken,
} from '@ledgersync/quickbooks';
import { type CustomMapping, drainPortal } from '@ledgersync/sync-engine';
import { buildPortalPorts } from '../../adapters/build-portal-ports.ts';
import { createHubSpotClient, RateLimiterRegistry } from '../../adapters/hubspot-adapter.ts';
import { type E2ePortal, type E2eWorld, startE2eWorld } from '../e2e-world.ts';
import { type HsObject, syncingPortal } from '../fixtures.ts';
import { hsContact, hsFinalizedInvoice, linkOfHubSpot, linkOfQuickBooks } from './requirement-fixtures.ts';

let world: E2eWorld;
beforeAll(async () => {
  world = await startE2eWorld();
});
afterAll(() => world.close());

const PO_NUMBER: CustomMapping = {
  id: 'po-number',
  hubspot: { property: 'hs_purchase_order_number', label: 'PO number', type: 'string' },
  quickbooks: { field: 'CustomField:1', label: 'P.O. Number', type: 'string', custom: true },
  direction: 'two_way',
  enabled: true,
};

/** A portal whose invoice sync has the PO-number mapping, with ports built as the worker builds them. */
async function portalWithMapping(): Promise<{ p: E2ePortal; drain: () => Promise<void> }> {
  const p = await syncingPortal(world);
  await world.db.syncSettings.updateMany({
    where: { portalId: p.portalId, object: 'invoices' },
    data: { fieldMappings: { disabledFields: [], customMappings: [PO_NUMBER] } },
  });
  const ports = buildPortalPorts({
    hubspot: createHubSpotClient({
      basePath: world.hubspotUrl,
      portalId: p.hubId,
      accessToken: async () => p.hubspotToken,
      rateLimiter: new RateLimiterRegistry({
        now: Date.now,
        sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      }).forPortal(p.hubId),
      retry: { baseDelayMs: 2, maxDelayMs: 20 },
    }),
    quickbooks: {
      baseUrl: world.qboUrl,
      realmId: p.realmId,
      tokens: staticAccessToken(p.qboToken),
      limiter: new RealmRateLimiter(QBO_RATE_LIMITS),
    },
    customLineItemIncomeAccountId: p.incomeAccountId,
    now: Date.now,
    customMappings: [PO_NUMBER],
  });
  const store = createPrismaSyncStore(world.db, { now: world.clock.now });
  return {
    p,
    async drain() {
      for (let i = 0; i < 10; i++) {
        const report = await drainPortal({ ...ports, store, clock: world.clock }, p.portalId);
        if (report.claimed === 0) break;
      }
    },
  };
}

describe('custom mappings end to end (R-MAP-4, R-FAQ-1)', () => {
  it('a HubSpot invoice PO number reaches the QBO custom field', async () => {
    const { p, drain } = await portalWithMapping();
    const contact = await hsContact(p, { email: 'po1@example.com', firstname: 'Pat', lastname: 'Order' });
    const invoice = await hsFinalizedInvoice(p, {
      contactId: contact.id,
      lineItems: [{ name: 'Setup', quantity: '1', price: '30' }],
      properties: { hs_purchase_order_number: "PO-7'7" },
    });
    await p.notify('hubspot', 'invoice', invoice.id);
    await drain();
    const link = await linkOfHubSpot(world, p, invoice.id);
    expect(link).toMatchObject({ status: 'synced' });
    const qbo = await p.qbo.read('Invoice', link?.quickbooksId ?? '');
    expect(qbo.CustomField).toEqual([expect.objectContaining({ DefinitionId: '1', StringValue: "PO-7'7" })]);
  });

  it('a QBO invoice PO number reaches the HubSpot property', async () => {
    const { p, drain } = await portalWithMapping();
    const customer = await p.qbo.create(
      'Customer',
      { DisplayName: 'Pat Order', PrimaryEmailAddr: { Address: 'po2@example.com' } },
      `e2e-${p.realmId}-po2`,
    );
    const invoice = await p.qbo.create(
      'Invoice',
      {
        CustomerRef: { value: customer.Id },
        DocNumber: 'PO-INV-1',
        CustomField: [{ DefinitionId: '1', Type: 'StringType', StringValue: 'PO-88' }],
        Line: [
          {
            DetailType: 'SalesItemLineDetail',
            Amount: new JsonDecimal('75.00'),
            Description: 'Work',
            SalesItemLineDetail: { Qty: new JsonDecimal('1'), UnitPrice: new JsonDecimal('75.00') },
          },
        ],
      },
      `e2e-${p.realmId}-po-inv-1`,
    );
    await p.notify('quickbooks', 'invoice', invoice.Id);
    await drain();
    const link = await linkOfQuickBooks(world, p, 'invoices', invoice.Id);
    expect(link).toMatchObject({ status: 'synced' });
    const hs = await p.hs<HsObject>(
      `/crm/v3/objects/invoices/${link?.hubspotId}?properties=hs_purchase_order_number,ledgersync_qbo_number`,
    );
    expect(hs.properties).toMatchObject({
      hs_purchase_order_number: 'PO-88',
      ledgersync_qbo_number: 'PO-INV-1',
    });
    expect((await p.qbo.queryPage(QboQuery.select('Invoice'), 1, 10)).entities).toHaveLength(1);
  });
});
