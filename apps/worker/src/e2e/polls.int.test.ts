import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPrismaSyncStore } from '@ledgersync/db';
import { startTestWorld, syncingPortal, type TestWorld } from '@ledgersync/test-world';
import { pollPortal } from '../tasks/poll-portal-task.ts';
import { countQbo, finalizedHubSpotInvoice } from './fixtures.ts';

let world: TestWorld;
beforeAll(async () => {
  world = await startTestWorld();
});
afterAll(() => world.close());

describe('polls, the safety net for lost webhooks', () => {
  it('R-ERR-7: a change whose webhook never came is found by the poll, synced once, and the cursors advance', async () => {
    const p = await syncingPortal(world);
    const invoice = await finalizedHubSpotInvoice(p);
    const store = createPrismaSyncStore(world.db);
    const settings = await store.readSettings(p.portalId);
    if (!settings) throw new Error('no settings');
    const deps = { db: world.db, portsFor: world.portsFor, clock: world.clock, debounceMs: 60_000 };

    // No webhook was stored: only the poll knows about the invoice (and its contact and product).
    const found = await pollPortal(deps, await p.ports(), settings);
    expect(found).toBeGreaterThanOrEqual(3);
    expect(await store.getCursor(p.portalId, 'hubspot', 'invoice')).not.toBeNull();
    expect(await store.getCursor(p.portalId, 'quickbooks', 'invoice')).not.toBeNull();
    await p.drain();
    const link = await world.db.recordLink.findFirst({
      where: { portalId: p.portalId, hubspotId: invoice.id },
    });
    expect(link?.status).toBe('synced');

    const created = await world.db.syncActivity.count({ where: { portalId: p.portalId, action: 'created' } });
    expect(created).toBe(3);

    // The next poll sees our own writes again: they equal the merge base, so nothing is written
    // at all (R-EDT-3), let alone created twice.
    const before = await world.db.syncActivity.count({
      where: { portalId: p.portalId, action: { in: ['created', 'updated'] } },
    });
    await pollPortal(deps, await p.ports(), settings);
    await p.drain();
    expect(
      await world.db.syncActivity.count({
        where: { portalId: p.portalId, action: { in: ['created', 'updated'] } },
      }),
    ).toBe(before);
    expect(await countQbo(p, 'Invoice')).toBe(1);
    expect(await countQbo(p, 'Customer')).toBe(1);
    expect(await world.db.syncActivity.count({ where: { portalId: p.portalId, action: 'created' } })).toBe(3);
    expect(await world.db.changeNotice.count({ where: { portalId: p.portalId, processedAt: null } })).toBe(0);
  });
});
