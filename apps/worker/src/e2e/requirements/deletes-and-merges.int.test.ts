import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QboQuery } from '@ledgersync/quickbooks';
import { type E2eWorld, startE2eWorld } from '../e2e-world.ts';
import { finalizedHubSpotInvoice, syncingPortal } from '../fixtures.ts';
import { hsContact, linkOfHubSpot } from './requirement-fixtures.ts';

let world: E2eWorld;
beforeAll(async () => {
  world = await startE2eWorld();
});
afterAll(() => world.close());

describe('deletes and merges', () => {
  it('R-OBJ-7: a contact deleted in HubSpot keeps its QBO customer; the link is marked and the activity says so', async () => {
    const p = await syncingPortal(world);
    const contact = await hsContact(p, { email: 'gone@example.com', firstname: 'Gone', lastname: 'Soon' });
    await p.notify('hubspot', 'customer', contact.id);
    await p.drain();
    const link = await linkOfHubSpot(world, p, contact.id);
    expect(link).toMatchObject({ status: 'synced' });

    await p.hs(`/crm/v3/objects/contacts/${contact.id}`, { method: 'DELETE' });
    await p.notify('hubspot', 'customer', contact.id);
    await p.drain();

    const customer = await p.qbo.read('Customer', link?.quickbooksId ?? '');
    expect(customer.Active).not.toBe(false);
    expect(await linkOfHubSpot(world, p, contact.id)).toMatchObject({ deletedOn: 'hubspot' });
    const activity = await world.db.syncActivity.findMany({
      where: { portalId: p.portalId, linkId: link?.id ?? '' },
      orderBy: { id: 'asc' },
    });
    expect(activity.at(-1)?.message).toMatch(/deleted in hubspot/i);
  });

  it('R-OBJ-7: a HubSpot invoice deleted in QBO is kept in HubSpot; the link says it was deleted in QuickBooks', async () => {
    const p = await syncingPortal(world);
    const invoice = await finalizedHubSpotInvoice(p, 'del-qbo@example.com');
    await p.notify('hubspot', 'invoice', invoice.id);
    await p.drain();
    const link = await linkOfHubSpot(world, p, invoice.id);
    const qboInvoice = await p.qbo.read('Invoice', link?.quickbooksId ?? '');
    await p.qbo.delete('Invoice', { Id: qboInvoice.Id, SyncToken: qboInvoice.SyncToken ?? '0' }, 'e2e-del-1');
    await p.notify('quickbooks', 'invoice', qboInvoice.Id);
    await p.drain();

    const hsInvoice = await p.read('hubspot', 'invoice', invoice.id);
    expect(hsInvoice.status).toBe('open');
    expect(await linkOfHubSpot(world, p, invoice.id)).toMatchObject({ deletedOn: 'quickbooks' });
    // A later change in HubSpot does not recreate it in QBO.
    await p.notify('hubspot', 'invoice', invoice.id);
    await p.drain();
    expect((await p.qbo.queryPage(QboQuery.select('Invoice'), 1, 10)).entities).toHaveLength(0);
  });
});
