import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JsonDecimal } from '@ledgersync/quickbooks';
import { startTestWorld, syncingPortal, type TestWorld } from '@ledgersync/test-world';
import { hsContact, hsFinalizedInvoice, hsProduct, linkOfHubSpot } from './requirement-fixtures.ts';

let world: TestWorld;

// Display values only (what the bookkeeper reads), compared as numbers whatever their notation.
const numberOrNull = (v: string | undefined) => (v === undefined ? null : Number(v));

/** The API calls since the last reset that changed something on either side. */
async function writesMade(w: TestWorld): Promise<string[]> {
  const calls = (await w.apiCalls()).detail as {
    hubspot: Record<string, number>;
    quickbooks: Record<string, number>;
  };
  return [...Object.keys(calls.hubspot), ...Object.keys(calls.quickbooks)].filter(
    (route) => /^(POST|PATCH|PUT|DELETE)/.test(route) && !/search|batch\/read|query/i.test(route),
  );
}
beforeAll(async () => {
  world = await startTestWorld();
});
afterAll(() => world.close());

describe('invoice fields and the conflict rule', () => {
  it('R-OBJ-3: number, dates, comments and per-line discounts reach QBO; totals agree to the cent', async () => {
    const p = await syncingPortal(world);
    const contact = await hsContact(p, { email: 'obj3@example.com', firstname: 'Obj', lastname: 'Three' });
    const product = await hsProduct(p, { name: 'Gizmo', hs_sku: 'GZ-1', price: '19.99' });
    const invoice = await hsFinalizedInvoice(p, {
      contactId: contact.id,
      properties: { hs_comments: 'Thanks for your business', hs_due_date: '2027-01-15' },
      lineItems: [
        {
          name: 'Gizmo',
          quantity: '3',
          price: '19.99',
          hs_product_id: product.id,
          hs_discount_percentage: '10',
        },
        { name: 'Shipping', quantity: '1', price: '7.35', discount: '0.35' },
      ],
    });
    await p.notify('hubspot', 'invoice', invoice.id);
    await p.drain();

    const link = await linkOfHubSpot(world, p, invoice.id);
    expect(link).toMatchObject({ status: 'synced', errorCode: null });
    const hs = await p.read('hubspot', 'invoice', invoice.id);
    const qbo = await p.read('quickbooks', 'invoice', link?.quickbooksId ?? '');
    expect(qbo).toMatchObject({
      number: hs.number,
      issueDate: hs.issueDate,
      dueDate: '2027-01-15',
      comments: 'Thanks for your business',
      currency: 'USD',
    });
    // 3 × 19.99 − 10 % = 53.97; 7.35 − 0.35 = 7.00.
    expect(hs.lines.map((l) => l.amount)).toEqual(['53.97', '7.00']);
    expect(qbo.lines.map((l) => l.amount)).toEqual(['53.97', '7.00']);
    expect(qbo.total).toBe('60.97');
    expect(hs.total).toBe(qbo.total);

    // What the bookkeeper sees in QBO: each line at its quantity and unit price, its discount on
    // the line below it, and the same total.
    const raw = await p.qbo.read('Invoice', link?.quickbooksId ?? '');
    const sales = (raw.Line ?? []).filter((l) => l.DetailType === 'SalesItemLineDetail');
    expect(
      sales.map((l) => [
        l.Description,
        numberOrNull(l.SalesItemLineDetail?.Qty),
        numberOrNull(l.SalesItemLineDetail?.UnitPrice),
        numberOrNull(l.Amount),
      ]),
    ).toEqual([
      ['Gizmo', 3, 19.99, 59.97],
      ['Discount 10%', null, null, -6],
      ['Shipping', 1, 7.35, 7.35],
      ['Discount 0.35', null, null, -0.35],
    ]);
    expect(Number(raw.TotalAmt)).toBe(60.97);
    expect(qbo.lines.map((l) => [l.quantity, l.unitPrice, l.discount])).toEqual([
      ['3', '19.99', { kind: 'percent', value: '10' }],
      ['1', '7.35', { kind: 'amount', value: '0.35' }],
    ]);

    // The echo of LedgerSync's own writes, from both sides: nothing is written (R-EDT-3).
    await p.notify('quickbooks', 'invoice', link?.quickbooksId ?? '');
    await p.notify('hubspot', 'invoice', invoice.id);
    await world.resetApiCalls();
    await p.drain();
    expect(await writesMade(world)).toEqual([]);
    expect(await linkOfHubSpot(world, p, invoice.id)).toMatchObject({ status: 'synced', errorCode: null });
  });

  it('R-OBJ-3: a QBO invoice whose line has a discount line below it reaches HubSpot as one discounted line', async () => {
    const p = await syncingPortal(world);
    const customer = await p.qbo.create(
      'Customer',
      { DisplayName: 'Disc Q', PrimaryEmailAddr: { Address: 'discq@example.com' } },
      `e2e-${p.realmId}-discq`,
    );
    const item = await p.qbo.create(
      'Item',
      { Name: 'Gadget', Type: 'Service', IncomeAccountRef: { value: p.incomeAccountId } },
      `e2e-${p.realmId}-gadget`,
    );
    const created = await p.qbo.create(
      'Invoice',
      {
        CustomerRef: { value: customer.Id },
        Line: [
          {
            DetailType: 'SalesItemLineDetail',
            Amount: new JsonDecimal('40.00'),
            Description: 'Gadget',
            SalesItemLineDetail: {
              ItemRef: { value: item.Id },
              Qty: new JsonDecimal('4'),
              UnitPrice: new JsonDecimal('10'),
            },
          },
          {
            DetailType: 'SalesItemLineDetail',
            Amount: new JsonDecimal('-10.00'),
            Description: 'Discount 25%',
            SalesItemLineDetail: { ItemRef: { value: item.Id } },
          },
        ],
      },
      `e2e-${p.realmId}-discinv`,
    );
    await p.notify('quickbooks', 'invoice', created.Id);
    await p.drain();

    const link = await world.db.recordLink.findFirstOrThrow({
      where: { portalId: p.portalId, object: 'invoice', quickbooksId: created.Id },
    });
    expect(link).toMatchObject({ status: 'synced', errorCode: null });
    const hs = await p.read('hubspot', 'invoice', link.hubspotId ?? '');
    expect(hs.lines.map((l) => [l.quantity, l.unitPrice, l.discount, l.amount])).toEqual([
      ['4', '10', { kind: 'percent', value: '25' }, '30.00'],
    ]);
    expect(hs.total).toBe('30.00');

    await p.notify('hubspot', 'invoice', link.hubspotId ?? '');
    await p.notify('quickbooks', 'invoice', created.Id);
    await world.resetApiCalls();
    await p.drain();
    expect(await writesMade(world)).toEqual([]);
  });

  it('R-MAP-2: on the first match of two existing records, "Use HubSpot data" decides the fields that differ', async () => {
    const p = await syncingPortal(world);
    const existing = await p.qbo.create(
      'Customer',
      {
        DisplayName: 'Mira Q',
        GivenName: 'Mira',
        FamilyName: 'Quick',
        PrimaryEmailAddr: { Address: 'mira@example.com' },
        PrimaryPhone: { FreeFormNumber: '555-0100' },
      },
      `e2e-${p.realmId}-mira`,
    );
    const contact = await hsContact(p, {
      email: 'mira@example.com',
      firstname: 'Mira',
      lastname: 'Hub',
      phone: '555-0199',
    });
    await p.notify('hubspot', 'customer', contact.id);
    await p.drain();

    expect(await linkOfHubSpot(world, p, contact.id)).toMatchObject({ quickbooksId: existing.Id });
    const qbo = await p.read('quickbooks', 'customer', existing.Id);
    expect(qbo).toMatchObject({ lastName: 'Hub', phone: '555-0199' });
    expect(await p.read('hubspot', 'customer', contact.id)).toMatchObject({
      lastName: 'Hub',
      phone: '555-0199',
    });
    const conflicts = await world.db.syncActivity.findMany({
      where: { portalId: p.portalId, action: 'conflict_resolved' },
    });
    expect(conflicts.flatMap((a) => a.changedFields).sort()).toEqual(['lastName', 'phone']);
  });
});
