import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QboQuery } from '@ledgersync/quickbooks';
// The worker's e2e world (both emulators, real adapters, a fresh database), borrowed read-only.
import {
  type HsObject,
  startTestWorld,
  syncingPortal,
  type TestPortal,
  type TestWorld,
} from '@ledgersync/test-world';
import { portalSnapshot } from './portal-snapshot.ts';

describe('tenant isolation in the worker: a job for portal A cannot read or change portal B', () => {
  let world: TestWorld;
  let a: TestPortal;
  let b: TestPortal;
  beforeAll(async () => {
    world = await startTestWorld();
    a = await syncingPortal(world);
    b = await syncingPortal(world);
  });
  afterAll(async () => {
    await world?.close();
  });

  it('A’s drain, told about B’s HubSpot and QBO record ids, reads them with A’s tokens only: nothing of B moves', async () => {
    const bContact = await b.hs<HsObject>('/crm/v3/objects/contacts', {
      method: 'POST',
      body: { properties: { email: 'b-only@example.com', firstname: 'Bea', lastname: 'Only' } },
    });
    await b.notify('hubspot', 'customer', bContact.id);
    await b.drain();
    const bLink = await world.db.recordLink.findFirstOrThrow({
      where: { portalId: b.portalId, hubspotId: bContact.id },
    });
    expect(bLink.status).toBe('synced');
    const before = await portalSnapshot(world.db, b.portalId);
    const qboBefore = await b.read('quickbooks', 'customer', bLink.quickbooksId!);

    // Forged notices on A naming B's ids (a hostile or confused webhook): A's job runs them.
    await a.notify('hubspot', 'customer', bContact.id);
    await a.notify('quickbooks', 'customer', bLink.quickbooksId!);
    await a.drain();

    expect(await portalSnapshot(world.db, b.portalId)).toEqual(before);
    expect(await b.read('quickbooks', 'customer', bLink.quickbooksId!)).toEqual(qboBefore);
    // A learned nothing of B: no link of A carries B's email or B's record.
    const aLinks = await world.db.recordLink.findMany({ where: { portalId: a.portalId } });
    expect(JSON.stringify(aLinks)).not.toContain('b-only@example.com');
    // Nor did A's QBO company receive B's customer.
    const aCustomers = await a.qbo.queryPage(QboQuery.select('Customer'), 1, 100);
    expect(JSON.stringify(aCustomers.entities)).not.toContain('b-only@example.com');
  });
});
