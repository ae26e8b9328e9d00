import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHubSpotInstallationRepository, createQuickBooksConnectionRepository } from '@ledgersync/db';
import { APP_PROPERTIES_VERSION } from '@ledgersync/hubspot';
import { QboQuery } from '@ledgersync/quickbooks';
import { startTestWorld, type TestWorld } from './start-test-world.ts';
import { type HsObject, syncingPortal } from './syncing-portal.ts';

let world: TestWorld;
beforeAll(async () => {
  world = await startTestWorld();
});
afterAll(() => world.close());

describe('the test world', () => {
  it('installs and connects a portal through both OAuth flows and stores the grants encrypted, as the callbacks do', async () => {
    const p = await world.newPortal();
    const installation = await createHubSpotInstallationRepository(world.db, world.cipher).find(p.portalId);
    expect(installation).toMatchObject({ status: 'active', appPropertiesVersion: APP_PROPERTIES_VERSION });
    expect(installation?.tokens.accessToken).toBe(p.hubspotToken);
    const connection = await createQuickBooksConnectionRepository(world.db, world.cipher).find(p.portalId);
    expect(connection).toMatchObject({ realmId: p.realmId, status: 'connected', homeCurrency: 'USD' });
    expect(connection?.tokens?.accessToken).toBe(p.qboToken);
    const row = await world.db.hubSpotInstallation.findUniqueOrThrow({ where: { portalId: p.portalId } });
    expect(row.accessToken).toMatch(/^v1\.k1\./);
    // The codes were exchanged at the emulators' token endpoints, not minted by their control API.
    const hubspotLog = await (await fetch(`${world.hubspotUrl}/_emulator/requests`)).json();
    expect(JSON.stringify(hubspotLog)).toContain('/oauth/v1/token');
    expect(p.incomeAccountId).toMatch(/^\d+$/);
  });

  it("connects a chosen company, and a syncing portal's drain takes a HubSpot contact to QBO through the factory's ports", async () => {
    const realmId = await world.createQuickBooksCompany({ companyName: 'Maple Ltd', country: 'CA' });
    const p = await syncingPortal(world, { realmId });
    expect(p.realmId).toBe(realmId);
    const contact = await p.hs<HsObject>('/crm/v3/objects/contacts', {
      method: 'POST',
      body: { properties: { email: 'world@example.com', firstname: 'Wor', lastname: 'Ld' } },
    });
    await p.notify('hubspot', 'customer', contact.id);
    const reports = await p.drain();
    expect(reports[0]).toMatchObject({ claimed: 1 });
    const customers = (await p.qbo.queryPage(QboQuery.select('Customer'), 1, 10)).entities;
    expect(customers.map((c) => c.PrimaryEmailAddr?.Address)).toEqual(['world@example.com']);
    expect(await p.read('hubspot', 'customer', contact.id)).toMatchObject({ email: 'world@example.com' });
  });
});
