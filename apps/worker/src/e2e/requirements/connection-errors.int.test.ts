import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QboQuery } from '@ledgersync/quickbooks';
import { startTestWorld, syncingPortal, type TestWorld } from '@ledgersync/test-world';
import { hsContact, linkOfHubSpot } from './requirement-fixtures.ts';

let world: TestWorld;
beforeAll(async () => {
  world = await startTestWorld();
});
afterAll(() => world.close());

async function qboFaults(rule: Record<string, unknown> | null): Promise<void> {
  const response = await fetch(`${world.qboUrl}/_emulator/faults`, {
    method: rule ? 'POST' : 'DELETE',
    headers: { 'content-type': 'application/json' },
    ...(rule ? { body: JSON.stringify(rule) } : {}),
  });
  if (!response.ok) throw new Error(`faults → ${response.status} ${await response.text()}`);
}

describe('connection errors', () => {
  it('R-ERR-7: a refused QBO authorization pauses the change with backoff and loses nothing; it syncs once QBO answers again', async () => {
    const p = await syncingPortal(world);
    const contact = await hsContact(p, { email: 'down@example.com', firstname: 'Down', lastname: 'Time' });
    // Intuit answers 401 until the token is renewed: the connection error of R-ERR-7.
    await qboFaults({ path: `/v3/company/${p.realmId}/`, count: 1000, status: 401 });
    await p.notify('hubspot', 'customer', contact.id);
    await p.drain();
    await qboFaults(null);

    const notice = await world.db.changeNotice.findFirstOrThrow({
      where: { portalId: p.portalId, recordId: contact.id },
    });
    expect(notice.processedAt).toBeNull();
    expect(notice.attempts).toBeGreaterThan(0);
    expect(notice.nextAttemptAt?.getTime()).toBeGreaterThan(Date.now());
    expect((await linkOfHubSpot(world, p, contact.id))?.status).not.toBe('failed');
    expect((await p.qbo.queryPage(QboQuery.select('Customer'), 1, 10)).entities).toHaveLength(0);

    // The backoff elapses.
    await world.db.changeNotice.updateMany({
      where: { portalId: p.portalId },
      data: { nextAttemptAt: new Date(Date.now() - 1000) },
    });
    await p.drain();
    expect(await linkOfHubSpot(world, p, contact.id)).toMatchObject({ status: 'synced' });
    const customers = (await p.qbo.queryPage(QboQuery.select('Customer'), 1, 10)).entities;
    expect(customers.map((c) => c.PrimaryEmailAddr?.Address)).toEqual(['down@example.com']);
    expect(await world.db.changeNotice.count({ where: { portalId: p.portalId, processedAt: null } })).toBe(0);
  });
});
