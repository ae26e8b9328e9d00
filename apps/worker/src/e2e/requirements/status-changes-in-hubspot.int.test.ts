import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QboQuery } from '@ledgersync/quickbooks';
import {
  type HsObject,
  startTestWorld,
  syncingPortal,
  type TestPortal,
  type TestWorld,
} from '@ledgersync/test-world';
import { finalizedHubSpotInvoice } from '../fixtures.ts';
import { linkOfHubSpot, syncedHubSpotInvoice } from './requirement-fixtures.ts';

let world: TestWorld;
beforeAll(async () => {
  world = await startTestWorld();
});
afterAll(() => world.close());

const failures = (p: TestPortal) =>
  world.db.syncActivity.count({ where: { portalId: p.portalId, errorCode: { not: null } } });

describe('status changes made in HubSpot', () => {
  it('R-OBJ-5: voided in HubSpot → voided in QBO; QBO’s zeroed amounts read back later are not a line edit (R-ERR-4)', async () => {
    const p = await syncingPortal(world);
    const ids = await syncedHubSpotInvoice(world, p);
    await p.hsControl(`/portals/${p.hubId}/ui/invoices/${ids.hubspotId}/void`);
    await p.notify('hubspot', 'invoice', ids.hubspotId);
    await p.drain();
    const qbo = await p.qbo.read('Invoice', ids.quickbooksId);
    expect(Number(qbo.TotalAmt)).toBe(0);
    expect((await p.read('quickbooks', 'invoice', ids.quickbooksId)).status).toBe('voided');

    // The webhook of our own void comes back from QBO.
    await p.notify('quickbooks', 'invoice', ids.quickbooksId);
    await p.drain();
    expect(await linkOfHubSpot(world, p, ids.hubspotId)).toMatchObject({ status: 'synced', errorCode: null });
    expect(await failures(p)).toBe(0);
  });

  it('R-OBJ-4: a payment recorded in HubSpot becomes a QBO payment on the invoice, which is then paid', async () => {
    const p = await syncingPortal(world);
    const ids = await syncedHubSpotInvoice(world, p);
    const { payment } = await p.hsControl<{ payment: HsObject }>(
      `/portals/${p.hubId}/ui/invoices/${ids.hubspotId}/payments`,
      { amount: '77.50' },
    );
    await p.notify('hubspot', 'payment', payment.id);
    await p.notify('hubspot', 'invoice', ids.hubspotId);
    await p.drain();

    const payments = (await p.qbo.queryPage(QboQuery.select('Payment'), 1, 10)).entities;
    expect(payments).toHaveLength(1);
    expect(String(payments[0]?.TotalAmt)).toBe('77.5');
    expect(payments[0]?.Line?.[0]?.LinkedTxn?.[0]?.TxnId).toBe(ids.quickbooksId);
    expect((await p.read('quickbooks', 'invoice', ids.quickbooksId)).status).toBe('paid');
    const paymentLink = await linkOfHubSpot(world, p, payment.id);
    expect(paymentLink).toMatchObject({ status: 'synced' });
    expect(await failures(p)).toBe(0);

    // The echoes of the payment come back from both sides: nothing more is written.
    const activity = await world.db.syncActivity.count({ where: { portalId: p.portalId } });
    await p.notify('hubspot', 'payment', payment.id);
    await p.notify('quickbooks', 'payment', paymentLink?.quickbooksId ?? '');
    await p.drain();
    expect(await world.db.syncActivity.count({ where: { portalId: p.portalId } })).toBe(activity);
    expect(await failures(p)).toBe(0);
  });

  it('R-OBJ-4: with inbound-only invoice sync, payments do not sync', async () => {
    const p = await syncingPortal(world);
    await world.db.syncSettings.updateMany({
      where: { portalId: p.portalId, object: 'invoice' },
      data: { direction: 'quickbooks_to_hubspot' },
    });
    const invoice = await finalizedHubSpotInvoice(p, `${p.hubId}@example.com`);
    const { payment } = await p.hsControl<{ payment: HsObject }>(
      `/portals/${p.hubId}/ui/invoices/${invoice.id}/payments`,
      { amount: '10.00' },
    );
    await p.notify('hubspot', 'payment', payment.id);
    await p.drain();
    expect((await p.qbo.queryPage(QboQuery.select('Payment'), 1, 10)).entities).toHaveLength(0);
    expect(await linkOfHubSpot(world, p, payment.id)).toBeNull();
  });
});
