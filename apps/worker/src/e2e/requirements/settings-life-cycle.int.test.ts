import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { disconnectPortal, setObjectSyncEnabled } from '@ledgersync/jobs';
import { QboQuery } from '@ledgersync/quickbooks';
import { startTestWorld, syncingPortal, type TestWorld } from '@ledgersync/test-world';
import { hsContact, hsProduct, linkOfHubSpot } from './requirement-fixtures.ts';

let world: TestWorld;
beforeAll(async () => {
  world = await startTestWorld();
});
afterAll(() => world.close());

const pending = (portalId: string) => world.db.changeNotice.count({ where: { portalId, processedAt: null } });
const jobsOf = async (portalId: string) =>
  (
    await world.db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM graphile_worker._private_jobs WHERE payload->>'portalId' = ${portalId}`
  )[0]?.n ?? 0n;

describe('settings life cycle', () => {
  it('R-CON-5: product sync turned off writes nothing and keeps its links; on again, the next change syncs', async () => {
    const p = await syncingPortal(world);
    const product = await hsProduct(p, { name: 'Lamp', hs_sku: 'L-1', price: '20' });
    await p.notify('hubspot', 'product', product.id);
    await p.drain();
    const link = await linkOfHubSpot(world, p, product.id);
    expect(link).toMatchObject({ status: 'synced' });

    await setObjectSyncEnabled(world.db, p.portalId, 'product', false);
    await p.hs(`/crm/v3/objects/products/${product.id}`, {
      method: 'PATCH',
      body: { properties: { price: '25' } },
    });
    const other = await hsProduct(p, { name: 'Desk', hs_sku: 'D-1', price: '200' });
    await p.notify('hubspot', 'product', product.id);
    await p.notify('hubspot', 'product', other.id);
    await p.drain();
    const item = await p.qbo.read('Item', link?.quickbooksId ?? '');
    expect(String(item.UnitPrice)).toBe('20');
    expect(await linkOfHubSpot(world, p, other.id)).toBeNull();
    expect(await linkOfHubSpot(world, p, product.id)).toMatchObject({ id: link?.id });

    await setObjectSyncEnabled(world.db, p.portalId, 'product', true);
    await p.notify('hubspot', 'product', product.id);
    await p.notify('hubspot', 'product', other.id);
    await p.drain();
    expect(String((await p.qbo.read('Item', link?.quickbooksId ?? '')).UnitPrice)).toBe('25');
    expect(await linkOfHubSpot(world, p, other.id)).toMatchObject({ status: 'synced' });
  });

  it('R-CON-3: disconnecting QBO stops the portal at once: no job left, pending changes closed, nothing written', async () => {
    const p = await syncingPortal(world);
    const contact = await hsContact(p, { email: 'stop@example.com', firstname: 'Stop' });
    // A webhook arrives; its drain is queued but has not run.
    await p.notify('hubspot', 'customer', contact.id);
    expect(await jobsOf(p.portalId)).toBeGreaterThan(0n);

    await disconnectPortal(world.db, p.portalId, 'quickbooks_disconnected');
    expect(await jobsOf(p.portalId)).toBe(0n);
    expect(await pending(p.portalId)).toBe(0);
    expect(await world.db.quickBooksConnection.findUnique({ where: { portalId: p.portalId } })).toMatchObject(
      {
        status: 'disconnected',
        accessToken: null,
        refreshToken: null,
      },
    );
    await p.drain();
    expect((await p.qbo.queryPage(QboQuery.select('Customer'), 1, 10)).entities).toHaveLength(0);
  });
});
