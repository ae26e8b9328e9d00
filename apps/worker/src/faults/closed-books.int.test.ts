import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type HsObject, startTestWorld, type TestWorld } from '@ledgersync/test-world';
import { finalizedHubSpotInvoice, qboApi } from '../e2e/fixtures.ts';
import { measureConvergence } from './convergence.ts';
import { CONVERGED, startScenario } from './fault-scenario.ts';

let world: TestWorld;
beforeAll(async () => {
  world = await startTestWorld();
});
afterAll(() => world.close());

describe('QBO books closed in the middle of a run', () => {
  it('R-ERR-6: the books are closed mid-run: the invoice dated in the closed period fails with closed_period, everything else syncs', async () => {
    const s = await startScenario(world, 'books');
    const before = await finalizedHubSpotInvoice(s.p, 'books-before@example.com');
    await s.notifyAll();
    await s.p.notify('hubspot', 'invoice', before.id);
    await s.drain();
    expect(await measureConvergence(world, s.p, s.data)).toEqual(CONVERGED);

    // The accountant closes the books through tomorrow: today's invoices are in a closed period.
    const { Preferences } = await qboApi<{ Preferences: { Id: string; SyncToken: string } }>(
      world,
      s.p,
      'preferences',
    );
    const closeDate = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await qboApi(world, s.p, 'preferences', {
      sparse: true,
      Id: Preferences.Id,
      SyncToken: Preferences.SyncToken,
      AccountingInfoPrefs: { BookCloseDate: closeDate },
    });
    const contact = await s.p.hs<HsObject>('/crm/v3/objects/contacts', {
      method: 'POST',
      body: { properties: { email: 'books-contact@example.com', firstname: 'Closed', lastname: 'Books' } },
    });
    // Its line is a custom one: no new product that could wait on anything.
    const draft = await s.p.hsControl<HsObject>(`/portals/${s.p.hubId}/ui/invoices`, {
      contactId: contact.id,
      lineItems: [{ name: 'Consulting', quantity: '2', price: '90' }],
    });
    const after = await s.p.hsControl<HsObject>(`/portals/${s.p.hubId}/ui/invoices/${draft.id}/finalize`);
    await s.p.notify('hubspot', 'invoice', after.id);
    await s.p.notify('hubspot', 'customer', contact.id);
    await s.drain();

    const link = (hubspotId: string) =>
      world.db.recordLink.findFirstOrThrow({ where: { portalId: s.p.portalId, hubspotId } });
    const notices = await world.db.changeNotice.findMany({
      where: { portalId: s.p.portalId, processedAt: null },
      select: { recordId: true, lastError: true, attempts: true },
    });
    expect({ link: await link(after.id), notices }).toMatchObject({
      link: { status: 'failed', errorCode: 'closed_period' },
      notices: [],
    });
    expect(await link(before.id)).toMatchObject({ status: 'synced' });
    expect(await link(contact.id)).toMatchObject({ status: 'synced' });
    const result = await measureConvergence(world, s.p, s.data);
    expect(result.failures).toEqual({ 'invoice closed_period': 1 });
    expect({ ...result, failures: {}, unsyncedLinks: 0 }).toEqual(CONVERGED);
    expect(result.unsyncedLinks).toBe(1);
  }, 90_000);
});
