import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestHubSpot, type TestHubSpot } from '../testing/emulator.ts';
import { createOAuthClient } from './oauth-client.ts';

let hs: TestHubSpot;
beforeAll(async () => {
  hs = await startTestHubSpot();
});
afterAll(() => hs.close());

describe('uninstall', () => {
  it('uninstalls through DELETE /appinstalls/v3/external-install, after which the token no longer works', async () => {
    const app = (await hs.get('/_emulator/app')) as { clientId: string; clientSecret: string };
    const oauth = createOAuthClient({
      basePath: hs.url,
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      redirectUri: 'x',
      now: hs.clock.now,
    });
    const portal = await hs.newPortal();
    await oauth.uninstall(portal.accessToken);
    await expect(oauth.refresh(portal.refreshToken)).rejects.toMatchObject({ revoked: true });
  });
});
