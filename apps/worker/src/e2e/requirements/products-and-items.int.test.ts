import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JsonDecimal, QboQuery } from '@ledgersync/quickbooks';
import { startTestWorld, syncingPortal, type TestWorld } from '@ledgersync/test-world';
import {
  activityOf,
  hsContact,
  hsFinalizedInvoice,
  hsProduct,
  linkOfHubSpot,
} from './requirement-fixtures.ts';

let world: TestWorld;
beforeAll(async () => {
  world = await startTestWorld();
});
afterAll(() => world.close());

describe('products and QBO items', () => {
  it('R-FLT-3: a HubSpot product without a SKU is not synced and says why; one with a SKU is', async () => {
    const p = await syncingPortal(world);
    const noSku = await hsProduct(p, { name: 'Consulting hour', price: '90' });
    const withSku = await hsProduct(p, { name: 'Gadget', hs_sku: 'G-1', price: '5' });
    await p.notify('hubspot', 'product', noSku.id);
    await p.notify('hubspot', 'product', withSku.id);
    await p.drain();

    const items = (await p.qbo.queryPage(QboQuery.select('Item'), 1, 100)).entities;
    expect(items.map((i) => i.Name)).toContain('Gadget');
    expect(items.map((i) => i.Name)).not.toContain('Consulting hour');
    expect(await linkOfHubSpot(world, p, withSku.id)).toMatchObject({ status: 'synced' });
    const excluded = (await activityOf(world, p)).filter((a) => a.action === 'excluded');
    expect(excluded.map((a) => [a.hubspotId, a.message])).toEqual([[noSku.id, 'no_sku']]);
  });

  it('R-OBJ-1: products match QBO items by SKU; unmatched lines go to one "Custom Line Item" on the chosen income account', async () => {
    const p = await syncingPortal(world);
    const existing = await p.qbo.create(
      'Item',
      {
        Name: 'Widget (QBO)',
        Sku: 'W-1',
        Type: 'Service',
        UnitPrice: new JsonDecimal('12.50'),
        IncomeAccountRef: { value: p.incomeAccountId },
      },
      'e2e-item-w1',
    );
    const contact = await hsContact(p, { email: 'sku@example.com', firstname: 'Sku', lastname: 'Match' });
    const product = await hsProduct(p, { name: 'Widget', hs_sku: 'W-1', price: '12.50' });
    const invoices = [];
    for (const extra of ['Setup', 'Training']) {
      invoices.push(
        await hsFinalizedInvoice(p, {
          contactId: contact.id,
          lineItems: [
            { name: 'Widget', quantity: '2', price: '12.50', hs_product_id: product.id },
            { name: extra, quantity: '1', price: '40' },
          ],
        }),
      );
    }
    for (const invoice of invoices) await p.notify('hubspot', 'invoice', invoice.id);
    await p.drain();

    // The HubSpot product is linked to the existing item, not copied.
    expect(await linkOfHubSpot(world, p, product.id)).toMatchObject({ quickbooksId: existing.Id });
    const items = (await p.qbo.queryPage(QboQuery.select('Item'), 1, 100)).entities;
    expect(items.filter((i) => i.Sku === 'W-1')).toHaveLength(1);
    const custom = items.filter((i) => i.Name === 'Custom Line Item');
    expect(custom).toHaveLength(1);
    expect(custom[0]?.IncomeAccountRef?.value).toBe(p.incomeAccountId);
    for (const invoice of invoices) {
      const link = await linkOfHubSpot(world, p, invoice.id);
      expect(link).toMatchObject({ status: 'synced' });
      const qbo = await p.qbo.read('Invoice', link?.quickbooksId ?? '');
      const itemIds = (qbo.Line ?? []).flatMap((l) =>
        l.SalesItemLineDetail?.ItemRef ? [l.SalesItemLineDetail.ItemRef.value] : [],
      );
      expect(itemIds).toEqual([existing.Id, custom[0]?.Id]);
    }
  });
  it('R-OBJ-1: a HubSpot product named like an existing QBO item (item names are unique) fails with duplicate_item_name naming it; its invoice does not wait: the line goes to the Custom Line Item', async () => {
    const p = await syncingPortal(world);
    await p.qbo.create(
      'Item',
      {
        Name: 'Widget',
        Sku: 'QW-1',
        Type: 'Service',
        UnitPrice: new JsonDecimal('10'),
        IncomeAccountRef: { value: p.incomeAccountId },
      },
      'e2e-item-widget',
    );
    const contact = await hsContact(p, { email: 'dup@example.com', firstname: 'Dup', lastname: 'Name' });
    const product = await hsProduct(p, { name: 'Widget', hs_sku: 'HW-2', price: '12.50' });
    const invoice = await hsFinalizedInvoice(p, {
      contactId: contact.id,
      lineItems: [{ name: 'Widget', quantity: '1', price: '12.50', hs_product_id: product.id }],
    });
    await p.notify('hubspot', 'product', product.id);
    await p.notify('hubspot', 'invoice', invoice.id);
    await p.drain();

    const productLink = await linkOfHubSpot(world, p, product.id);
    expect(productLink).toMatchObject({ status: 'failed', errorCode: 'duplicate_item_name' });
    expect(productLink?.errorMessage).toContain('"Widget"');
    const invoiceLink = await linkOfHubSpot(world, p, invoice.id);
    expect(invoiceLink).toMatchObject({ status: 'synced', errorCode: null });
    const qbo = await p.qbo.read('Invoice', invoiceLink?.quickbooksId ?? '');
    const itemIds = (qbo.Line ?? []).flatMap((l) =>
      l.SalesItemLineDetail?.ItemRef ? [l.SalesItemLineDetail.ItemRef.value] : [],
    );
    const names = await Promise.all(itemIds.map(async (id) => (await p.qbo.read('Item', id)).Name));
    expect(names).toEqual(['Custom Line Item']);
    expect(await world.db.changeNotice.count({ where: { portalId: p.portalId, processedAt: null } })).toBe(0);
  });
  it('R-ERR-7: a HubSpot product price the adapter cannot take ("1e3") fails that product alone with invalid_field_value; the drain goes on', async () => {
    const p = await syncingPortal(world);
    const bad = await hsProduct(p, { name: 'Exponent', hs_sku: 'E-1', price: '1e3' });
    const good = await hsProduct(p, { name: 'Plain', hs_sku: 'P-1', price: '1000' });
    await p.notify('hubspot', 'product', bad.id);
    await p.notify('hubspot', 'product', good.id);
    await p.drain();

    const badLink = await linkOfHubSpot(world, p, bad.id);
    expect(badLink).toMatchObject({ status: 'failed', errorCode: 'invalid_field_value' });
    expect(badLink?.errorMessage).toContain('"1e3"');
    expect(await linkOfHubSpot(world, p, good.id)).toMatchObject({ status: 'synced' });
    const items = (await p.qbo.queryPage(QboQuery.select('Item'), 1, 100)).entities;
    expect(items.map((i) => i.Name)).toContain('Plain');
    expect(items.map((i) => i.Name)).not.toContain('Exponent');
    expect(await world.db.changeNotice.count({ where: { portalId: p.portalId, processedAt: null } })).toBe(0);
  });
});
