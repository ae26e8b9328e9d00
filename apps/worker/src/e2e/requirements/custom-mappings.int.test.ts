import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JsonDecimal, QboQuery } from '@ledgersync/quickbooks';
import type { CustomMapping } from '@ledgersync/sync-engine';
import {
  type HsObject,
  startTestWorld,
  syncingPortal,
  type TestPortal,
  type TestWorld,
} from '@ledgersync/test-world';
import { hsContact, hsFinalizedInvoice, linkOfHubSpot, linkOfQuickBooks } from './requirement-fixtures.ts';

let world: TestWorld;
beforeAll(async () => {
  world = await startTestWorld();
});
afterAll(() => world.close());

const PO_NUMBER: CustomMapping = {
  id: 'po-number',
  hubspot: { property: 'hs_purchase_order_number', label: 'PO number', type: 'string' },
  quickbooks: { field: 'CustomField:1', label: 'P.O. Number', type: 'string', custom: true },
  direction: 'two_way',
  enabled: true,
};

/** A portal whose invoice sync has the PO-number mapping; its drains build the ports as the worker does. */
async function portalWithMapping(): Promise<{ p: TestPortal; drain: () => Promise<void> }> {
  const p = await syncingPortal(world);
  await world.db.syncSettings.updateMany({
    where: { portalId: p.portalId, object: 'invoice' },
    data: { fieldMappings: { disabledFields: [], customMappings: [PO_NUMBER] } },
  });
  return {
    p,
    async drain() {
      await p.drain();
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
    const link = await linkOfQuickBooks(world, p, 'invoice', invoice.Id);
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
