import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestWorld, syncingPortal, type TestWorld } from '@ledgersync/test-world';
import { hsContact, hsFinalizedInvoice, hsProduct, linkOfHubSpot } from './requirement-fixtures.ts';

let world: TestWorld;
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
