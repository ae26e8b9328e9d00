import { describe, expect, it } from '@jest/globals';
import { createHubSpotInstallationRepository, createQuickBooksConnectionRepository } from '@ledgersync/db';
import { useLiveWorld } from '../testing/live-world.ts';

// R-ERR-7: when the server renews a token for a request of the settings page, only the provider
// refusing the grant itself (Intuit's invalid_grant, HubSpot's BAD_REFRESH_TOKEN) means "connect
// again". A token endpoint that fails (5xx, a dropped connection) leaves the connection as it was
// and fails the request with a retryable 503; the next request renews normally.
describe('token renewal in the server against the emulators: needs_reauth only on a refused grant', () => {
  const live = useLiveWorld();
  const soon = () => new Date(Date.now() + 30_000);

  /** A connected portal whose stored access tokens expire within the server's renewal margin. */
  async function portalDueForRenewal() {
    const world = live();
    const { hubId, portalId } = await world.installPortal();
    await world.connectQuickBooks(hubId);
    const installations = createHubSpotInstallationRepository(world.db, world.cipher);
    const connections = createQuickBooksConnectionRepository(world.db, world.cipher);
    const hs = await installations.find(portalId);
    const qb = await connections.find(portalId);
    if (!hs || !qb?.tokens) throw new Error('the portal was not connected');
    await installations.save(portalId, { ...hs.tokens, accessTokenExpiresAt: soon() });
    await connections.saveTokens(portalId, { ...qb.tokens, accessTokenExpiresAt: soon() });
    return { hubId, portalId, installations, connections };
  }
  const qboFault = (rule: Record<string, unknown>) =>
    live().postJson(`${live().qboUrl}/_emulator/faults`, { path: '/oauth2/v1/tokens/bearer', ...rule });
  const hubspotFault = (rule: Record<string, unknown>) =>
    live().control('/faults', { path: '/oauth/v1/token', ...rule });

  it('QBO: a 5xx or a dropped connection at Intuit is a 503 to retry; a revoked grant is needs_reauth', async () => {
    const { hubId, portalId, connections } = await portalDueForRenewal();
    const incomeAccounts = () => live().signed(hubId, 'GET', '/api/v1/settings/income-accounts');
    for (const rule of [{ status: 503 }, { drop: true }]) {
      await qboFault(rule);
      const res = await incomeAccounts();
      expect({ rule, status: res.statusCode, error: res.json().error }).toEqual({
        rule,
        status: 503,
        error: 'quickbooks_unavailable',
      });
      expect((await connections.find(portalId))?.status).toBe('connected');
    }
    expect((await incomeAccounts()).statusCode).toBe(200);
    const renewed = await connections.find(portalId);
    expect(renewed?.tokens?.accessTokenExpiresAt.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);

    // Intuit revokes the grant: now, and only now, the admin must connect again.
    const basic = Buffer.from(
      `${live().quickbooksApp.clientId}:${live().quickbooksApp.clientSecret}`,
    ).toString('base64');
    await fetch(`${live().qboUrl}/v2/oauth2/tokens/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${basic}` },
      body: JSON.stringify({ token: renewed?.tokens?.refreshToken }),
    });
    if (renewed?.tokens)
      await connections.saveTokens(portalId, { ...renewed.tokens, accessTokenExpiresAt: soon() });
    const refused = await incomeAccounts();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toBe('quickbooks_needs_reauth');
    expect((await connections.find(portalId))?.status).toBe('needs_reauth');
  });

  it('HubSpot: a 5xx or a dropped connection at HubSpot is a 503 to retry; a revoked grant is needs_reauth', async () => {
    const { hubId, portalId, installations } = await portalDueForRenewal();
    const fieldCatalogue = () => live().signed(hubId, 'GET', '/api/v1/settings/field-catalogue');
    for (const rule of [{ status: 502 }, { drop: true }]) {
      await hubspotFault(rule);
      const res = await fieldCatalogue();
      expect({ rule, status: res.statusCode, error: res.json().error }).toEqual({
        rule,
        status: 503,
        error: 'hubspot_unavailable',
      });
      expect((await installations.find(portalId))?.status).toBe('active');
    }
    expect((await fieldCatalogue()).statusCode).toBe(200);
    const renewed = await installations.find(portalId);
    expect(renewed?.tokens.accessTokenExpiresAt.getTime()).toBeGreaterThan(Date.now() + 10 * 60_000);

    await fetch(`${live().hubspotUrl}/oauth/v1/refresh-tokens/${renewed?.tokens.refreshToken}`, {
      method: 'DELETE',
    });
    if (renewed) await installations.save(portalId, { ...renewed.tokens, accessTokenExpiresAt: soon() });
    const refused = await fieldCatalogue();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toBe('hubspot_needs_reauth');
    expect((await installations.find(portalId))?.status).toBe('needs_reauth');
  });
});
