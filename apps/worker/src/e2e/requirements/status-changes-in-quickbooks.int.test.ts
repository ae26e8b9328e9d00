import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JsonDecimal } from '@ledgersync/quickbooks';
import { startTestWorld, syncingPortal, type TestPortal, type TestWorld } from '@ledgersync/test-world';
import { finalizedHubSpotInvoice } from '../fixtures.ts';

let world: TestWorld;
beforeAll(async () => {
  world = await startTestWorld();
});
afterAll(() => world.close());

/** A finalized HubSpot invoice synced to QBO; returns both ids. */
async function syncedHubSpotInvoice(p: TestPortal, email: string) {
  const invoice = await finalizedHubSpotInvoice(p, email);
  await p.notify('hubspot', 'invoice', invoice.id);
  await p.drain();
  const link = await world.db.recordLink.findFirstOrThrow({
    where: { portalId: p.portalId, hubspotId: invoice.id },
  });
  expect(link).toMatchObject({ status: 'synced', errorCode: null });
  return { hubspotId: invoice.id, quickbooksId: link.quickbooksId ?? '', linkId: link.id };
}

async function linkOf(linkId: string) {
  return world.db.recordLink.findUniqueOrThrow({ where: { id: linkId } });
}

// QBO zeroes every amount of a voided invoice and lowers the balance of a paid one: neither is a
// line edit, so neither may be reported as R-ERR-4; the status is mirrored instead (R-OBJ-5).
describe('status changes made in QuickBooks on a HubSpot invoice', () => {
  it('R-OBJ-5: voided in QBO → voided in HubSpot, not failed as a line edit (R-ERR-4)', async () => {
    const p = await syncingPortal(world);
    const ids = await syncedHubSpotInvoice(p, 'void@example.com');
    const qboInvoice = await p.qbo.read('Invoice', ids.quickbooksId);
    await p.qbo.voidInvoice({ Id: qboInvoice.Id, SyncToken: qboInvoice.SyncToken ?? '0' }, 'e2e-void-1');
    await p.notify('quickbooks', 'invoice', ids.quickbooksId);
    await p.drain();

    expect(await linkOf(ids.linkId)).toMatchObject({ status: 'synced', errorCode: null });
    const hsInvoice = await p.read('hubspot', 'invoice', ids.hubspotId);
    expect(hsInvoice.status).toBe('voided');
    // HubSpot keeps the invoice's lines and amount: the void is a status, not an edit.
    expect(hsInvoice.total).toBe('77.50');
    const failures = await world.db.syncActivity.count({
      where: { portalId: p.portalId, errorCode: { not: null } },
    });
    expect(failures).toBe(0);

    // A later pass finds nothing to do: no loop between the zeroed QBO side and HubSpot.
    await p.notify('quickbooks', 'invoice', ids.quickbooksId);
    await p.notify('hubspot', 'invoice', ids.hubspotId);
    await p.drain();
    expect(await linkOf(ids.linkId)).toMatchObject({ status: 'synced', errorCode: null });
    expect((await p.read('hubspot', 'invoice', ids.hubspotId)).status).toBe('voided');
  });

  it('R-OBJ-5: partly then fully paid in QBO → partially paid, then paid in HubSpot, never failed as a line edit (R-ERR-4)', async () => {
    const p = await syncingPortal(world);
    const ids = await syncedHubSpotInvoice(p, 'pay@example.com');
    const qboInvoice = await p.qbo.read('Invoice', ids.quickbooksId);
    const pay = async (amount: string, requestId: string) => {
      const payment = await p.qbo.create(
        'Payment',
        {
          CustomerRef: { value: qboInvoice.CustomerRef?.value ?? '' },
          TotalAmt: new JsonDecimal(amount),
          Line: [
            { Amount: new JsonDecimal(amount), LinkedTxn: [{ TxnId: qboInvoice.Id, TxnType: 'Invoice' }] },
          ],
        },
        requestId,
      );
      // QBO's webhook names only the payment; the invoice's balance change comes with it.
      await p.notify('quickbooks', 'payment', payment.Id);
      await p.notify('quickbooks', 'invoice', qboInvoice.Id);
      await p.drain();
    };

    await pay('20.00', 'e2e-pay-1');
    expect(await linkOf(ids.linkId)).toMatchObject({ status: 'synced', errorCode: null });
    expect((await p.read('hubspot', 'invoice', ids.hubspotId)).status).toBe('partially_paid');

    await pay('57.50', 'e2e-pay-2');
    expect(await linkOf(ids.linkId)).toMatchObject({ status: 'synced', errorCode: null });
    const hsInvoice = await p.read('hubspot', 'invoice', ids.hubspotId);
    expect(hsInvoice).toMatchObject({ status: 'paid', total: '77.50' });
    const failures = await world.db.syncActivity.count({
      where: { portalId: p.portalId, errorCode: { not: null } },
    });
    expect(failures).toBe(0);
  });
});
