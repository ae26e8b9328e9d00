import {
  createHubSpotInstallationRepository,
  type HubSpotTokens,
  type Portal,
  saveInvoiceSourceOptions,
} from '@ledgersync/db';
import {
  APP_PROPERTIES_VERSION,
  buildInstallUrl,
  createHubSpotClient,
  createOAuthClient,
  ensureAppProperties,
  RateLimiterRegistry,
  readInvoiceSourceOptions,
} from '@ledgersync/hubspot';
import { saveHubSpotInstall } from '@ledgersync/jobs';
import { redirectOf } from './http.ts';
import { hubspotRedirectUri, type WorldContext } from './world-context.ts';

/**
 * R-CON-1 as the install callback does it, minus HTTP: HubSpot's consent (approved on the emulated
 * portal `hubId`), the code exchanged and the portal learned through the OAuth client, the grant
 * stored by `saveHubSpotInstall`, the app's properties ensured and recorded, the invoice source
 * options read and stored.
 */
export async function installHubSpotApp(
  c: WorldContext,
  hubId: string,
): Promise<{ portal: Portal; tokens: HubSpotTokens }> {
  const consent = buildInstallUrl({
    clientId: c.hubspotApp.clientId,
    redirectUri: hubspotRedirectUri(c),
    state: 'test-world',
    appBaseUrl: c.hubspotUrl,
  });
  const back = await redirectOf(`${consent}&portalId=${hubId}&approve=1`);
  const oauth = createOAuthClient({
    basePath: c.hubspotUrl,
    clientId: c.hubspotApp.clientId,
    clientSecret: c.hubspotApp.clientSecret,
    redirectUri: hubspotRedirectUri(c),
    now: Date.now,
  });
  const grant = await oauth.exchangeCode(back.searchParams.get('code') ?? '');
  const info = await oauth.introspect(grant.accessToken);
  const tokens: HubSpotTokens = {
    accessToken: grant.accessToken,
    refreshToken: grant.refreshToken,
    accessTokenExpiresAt: new Date(grant.expiresAt),
    scopes: [...info.scopes],
  };
  const portal = await saveHubSpotInstall(
    c.db,
    c.cipher,
    { hubId: BigInt(info.portalId), installedByUserId: info.userId, tokens },
    new Date(),
  );
  const client = createHubSpotClient({
    basePath: c.hubspotUrl,
    portalId: hubId,
    accessToken: async () => grant.accessToken,
    rateLimiter: new RateLimiterRegistry({
      now: Date.now,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    }).forPortal(hubId),
  });
  await ensureAppProperties(client);
  await createHubSpotInstallationRepository(c.db, c.cipher).recordAppPropertiesVersion(
    portal.id,
    APP_PROPERTIES_VERSION,
  );
  await saveInvoiceSourceOptions(c.db, portal.id, await readInvoiceSourceOptions(client), new Date());
  return { portal, tokens };
}
