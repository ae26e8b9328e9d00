import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createHubSpotInstallationRepository,
  loadInvoiceSourceOptions,
  saveInvoiceSourceOptions,
} from '@ledgersync/db';
import { APP_PROPERTIES_VERSION, QBO_NUMBER_PROPERTY } from '@ledgersync/hubspot';
import { startTestWorld, type TestPortal, type TestWorld } from '@ledgersync/test-world';
import { createAppPropertiesCatchUp } from './app-properties-catch-up.ts';

let world: TestWorld;
beforeAll(async () => {
  world = await startTestWorld();
});
afterAll(() => world.close());

const installations = () => createHubSpotInstallationRepository(world.db, world.cipher);
const tokensOf = (p: TestPortal) => ({
  accessToken: p.hubspotToken,
  refreshToken: 'unused-refresh-token',
  accessTokenExpiresAt: new Date(Date.now() + 30 * 60_000),
  scopes: [],
});
const invoiceProperties = async (p: TestPortal): Promise<string[]> => {
  const res = await fetch(`${world.hubspotUrl}/crm/v3/properties/invoices`, {
    headers: { authorization: `Bearer ${p.hubspotToken}` },
  });
  return ((await res.json()) as { results: { name: string }[] }).results.map((r) => r.name);
};
/** The property calls the emulator received for one portal. */
const propertyCalls = async (p: TestPortal): Promise<string[]> => {
  const { requests } = (await (await fetch(`${world.hubspotUrl}/_emulator/requests`)).json()) as {
    requests: { route: string; portalId?: number }[];
  };
  return requests
    .filter((r) => r.portalId === Number(p.hubId) && r.route.includes('/properties'))
    .map((r) => r.route);
};

describe('app-owned HubSpot properties for existing installs', () => {
  it('an installation at an older property set gets the missing property and its version bumped; one at the current set costs no call', async () => {
    // Installed before ledgersync_qbo_number existed: the portal lacks it and records version 1.
    const old = await world.newPortal();
    await installations().saveInstall(old.portalId, tokensOf(old), { appPropertiesVersion: 1 });
    const archived = await fetch(`${world.hubspotUrl}/crm/v3/properties/invoices/${QBO_NUMBER_PROPERTY}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${old.hubspotToken}` },
    });
    expect(archived.status).toBe(204);
    expect(await invoiceProperties(old)).not.toContain(QBO_NUMBER_PROPERTY);

    const current = await world.newPortal();
    await installations().saveInstall(current.portalId, tokensOf(current), {
      appPropertiesVersion: APP_PROPERTIES_VERSION,
    });
    const currentCallsBefore = (await propertyCalls(current)).length;

    const appProperties = createAppPropertiesCatchUp({
      db: world.db,
      cipher: world.cipher,
      hubspotBaseUrl: world.hubspotUrl,
    });
    expect(await appProperties.catchUp()).toEqual({ ensured: [old.portalId], sourcesRead: [], failed: 0 });
    expect(await invoiceProperties(old)).toContain(QBO_NUMBER_PROPERTY);
    expect((await installations().find(old.portalId))?.appPropertiesVersion).toBe(APP_PROPERTIES_VERSION);
    expect(await propertyCalls(old)).toContain('POST /crm/v3/properties/:objectType');
    expect((await propertyCalls(current)).length).toBe(currentCallsBefore);

    // Caught up once: the next run asks HubSpot nothing.
    const oldCallsAfter = (await propertyCalls(old)).length;
    expect(await appProperties.catchUp()).toEqual({ ensured: [], sourcesRead: [], failed: 0 });
    expect((await propertyCalls(old)).length).toBe(oldCallsAfter);
  });

  it('a portal HubSpot refuses stays behind, to be tried again on the next run', async () => {
    const p = await world.newPortal();
    await installations().saveInstall(
      p.portalId,
      { ...tokensOf(p), accessToken: 'not-a-token' },
      { appPropertiesVersion: 1 },
    );
    const failures: string[] = [];
    const appProperties = createAppPropertiesCatchUp({
      db: world.db,
      cipher: world.cipher,
      hubspotBaseUrl: world.hubspotUrl,
      onFailure: (portalId) => failures.push(portalId),
    });
    expect(await appProperties.catchUp()).toEqual({ ensured: [], sourcesRead: [], failed: 1 });
    expect(failures).toEqual([p.portalId]);
    expect((await installations().find(p.portalId))?.appPropertiesVersion).toBe(1);
  });

  it('R-FLT-1: invoice source options last read more than a day ago are read again from HubSpot and stored; fresh ones cost no call', async () => {
    const stale = await world.newPortal();
    const fresh = await world.newPortal();
    expect(await loadInvoiceSourceOptions(world.db, fresh.portalId)).toContainEqual({
      value: 'hubspot',
      label: 'HubSpot',
    });
    await saveInvoiceSourceOptions(world.db, stale.portalId, [], new Date(Date.now() - 2 * 86_400_000));
    const freshCalls = (await propertyCalls(fresh)).length;

    const report = await createAppPropertiesCatchUp({
      db: world.db,
      cipher: world.cipher,
      hubspotBaseUrl: world.hubspotUrl,
    }).catchUp();
    expect(report.sourcesRead).toEqual([stale.portalId]);
    expect(await loadInvoiceSourceOptions(world.db, stale.portalId)).toContainEqual({
      value: 'hubspot',
      label: 'HubSpot',
    });
    expect((await propertyCalls(fresh)).length).toBe(freshCalls);
  });
});
