import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QboQuery } from '@ledgersync/quickbooks';
import { startTestWorld, syncingPortal, type TestWorld } from '@ledgersync/test-world';
import { finalizedHubSpotInvoice } from '../fixtures.ts';
import { hsContact, linkOfHubSpot } from './requirement-fixtures.ts';

let world: TestWorld;
beforeAll(async () => {
  world = await startTestWorld();
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

  it('R-OBJ-7: a HubSpot contact merged into an unsynced one moves its link to the survivor, which then syncs to the same QBO customer', async () => {
    const p = await syncingPortal(world);
    const merged = await hsContact(p, { email: 'old@example.com', firstname: 'Old', lastname: 'Record' });
    await p.notify('hubspot', 'customer', merged.id);
    await p.drain();
    const link = await linkOfHubSpot(world, p, merged.id);
    expect(link).toMatchObject({ status: 'synced' });
    // The survivor was never synced (no webhook reached us for it).
    const survivor = await hsContact(p, { email: 'new@example.com', firstname: 'New', lastname: 'Record' });

    await p.hs('/crm/v3/objects/contacts/merge', {
      method: 'POST',
      body: { primaryObjectId: survivor.id, objectIdToMerge: merged.id },
    });
    // HubSpot's contact.merge names both ids; the merged-away one is what our link knows.
    await p.notify('hubspot', 'customer', merged.id);
    await p.drain();

    const moved = await world.db.recordLink.findUniqueOrThrow({ where: { id: link?.id ?? '' } });
    expect(moved).toMatchObject({
      hubspotId: survivor.id,
      quickbooksId: link?.quickbooksId,
      deletedOn: null,
    });
    const activity = await world.db.syncActivity.findMany({
      where: { linkId: moved.id },
      orderBy: { id: 'asc' },
    });
    expect(activity.at(-1)?.message).toContain(`merged into ${survivor.id}`);

    await p.hs(`/crm/v3/objects/contacts/${survivor.id}`, {
      method: 'PATCH',
      body: { properties: { phone: '555-0123' } },
    });
    await p.notify('hubspot', 'customer', survivor.id);
    await p.drain();
    expect((await p.read('quickbooks', 'customer', link?.quickbooksId ?? '')).phone).toBe('555-0123');
    expect((await p.qbo.queryPage(QboQuery.select('Customer'), 1, 10)).entities).toHaveLength(1);
  });

  it('R-OBJ-7: a HubSpot contact merged into one that is already linked keeps both QBO customers; the merged one is marked', async () => {
    const p = await syncingPortal(world);
    const keep = await hsContact(p, { email: 'keep@example.com', firstname: 'Keep', lastname: 'Me' });
    const drop = await hsContact(p, { email: 'drop@example.com', firstname: 'Drop', lastname: 'Me' });
    await p.notify('hubspot', 'customer', keep.id);
    await p.notify('hubspot', 'customer', drop.id);
    await p.drain();
    const dropLink = await linkOfHubSpot(world, p, drop.id);

    await p.hs('/crm/v3/objects/contacts/merge', {
      method: 'POST',
      body: { primaryObjectId: keep.id, objectIdToMerge: drop.id },
    });
    await p.notify('hubspot', 'customer', drop.id);
    await p.drain();

    expect(await world.db.recordLink.findUniqueOrThrow({ where: { id: dropLink?.id ?? '' } })).toMatchObject({
      hubspotId: drop.id,
      deletedOn: 'hubspot',
    });
    expect((await p.qbo.queryPage(QboQuery.select('Customer'), 1, 10)).entities).toHaveLength(2);
  });
});
