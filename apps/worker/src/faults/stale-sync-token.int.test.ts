import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestWorld, type TestWorld } from '@ledgersync/test-world';
import { qboApi } from '../e2e/fixtures.ts';
import { measureConvergence } from './convergence.ts';
import { CONVERGED, startScenario } from './fault-scenario.ts';

let world: TestWorld;
beforeAll(async () => {
  world = await startTestWorld();
});
afterAll(() => world.close());

describe('stale SyncToken', () => {
  it('a stale SyncToken: QBO edits the customer between our read and our write; both edits survive on both sides', async () => {
    const s = await startScenario(world, 'stale');
    await s.notifyAll();
    await s.drain();
    const contactId = s.data.hubspotContactIds[0] ?? '';
    const qboId =
      (
        await world.db.recordLink.findFirstOrThrow({
          where: { portalId: s.p.portalId, hubspotId: contactId },
        })
      ).quickbooksId ?? '';

    await s.p.hs(`/crm/v3/objects/contacts/${contactId}`, {
      method: 'PATCH',
      body: { properties: { phone: '+1 555 0100' } },
    });
    let edited = false;
    const ports = await s.portsWith({
      qboFetch: (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
        if (!edited && init?.method === 'POST') {
          // A bookkeeper saves the customer in QuickBooks just before our update lands.
          edited = true;
          const { Customer } = await qboApi<{ Customer: { SyncToken: string } }>(
            world,
            s.p,
            `customer/${qboId}`,
          );
          await qboApi(world, s.p, 'customer', {
            sparse: true,
            Id: qboId,
            SyncToken: Customer.SyncToken,
            FamilyName: 'Concurrent',
          });
        }
        return fetch(input, init);
      }) as typeof fetch,
    });
    await s.p.notify('hubspot', 'customer', contactId);
    await s.drainWith(ports);
    await s.p.notify('quickbooks', 'customer', qboId);
    await s.drainWith(ports);

    expect(edited).toBe(true);
    const hs = await s.p.read('hubspot', 'customer', contactId);
    const qbo = await s.p.read('quickbooks', 'customer', qboId);
    expect({ hs: [hs.phone, hs.lastName], qbo: [qbo.phone, qbo.lastName] }).toEqual({
      hs: ['+1 555 0100', 'Concurrent'],
      qbo: ['+1 555 0100', 'Concurrent'],
    });
    expect(await measureConvergence(world, s.p, s.data)).toEqual(CONVERGED);
  }, 90_000);
});
