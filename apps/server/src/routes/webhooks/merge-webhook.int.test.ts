import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Portal } from '@ledgersync/db';
import { signatureV3 } from '@ledgersync/hubspot-emulator';
import { startTestServer, TEST_CONFIG, type TestServer } from '../../testing/test-server.ts';

describe('HubSpot merge webhooks (R-OBJ-7)', () => {
  let t: TestServer;
  let portal: Portal;
  beforeAll(async () => {
    t = await startTestServer();
    portal = await t.portal({ realmId: 'realm-merge' });
  });
  afterAll(async () => t.close());

  it('R-OBJ-7: an object.merge event stores a notice for the survivor and one per merged-away contact', async () => {
    const raw = JSON.stringify([
      {
        eventId: 7,
        subscriptionId: 20,
        portalId: Number(portal.hubId),
        appId: 4100001,
        occurredAt: t.clock.now.getTime() - 1000,
        subscriptionType: 'object.merge',
        objectTypeId: '0-1',
        objectId: 900,
        primaryObjectId: 900,
        mergedObjectIds: [901],
        newObjectId: 900,
        numberOfPropertiesMoved: 1,
        attemptNumber: 0,
        changeSource: 'CRM_UI',
      },
    ]);
    const ts = String(t.clock.now.getTime());
    const response = await t.app.inject({
      method: 'POST',
      url: '/webhooks/hubspot',
      payload: raw,
      headers: {
        'content-type': 'application/json',
        'x-hubspot-request-timestamp': ts,
        'x-hubspot-signature-v3': signatureV3(
          TEST_CONFIG.hubspot.clientSecret,
          'POST',
          `${TEST_CONFIG.publicUrl}/webhooks/hubspot`,
          raw,
          Number(ts),
        ),
      },
    });
    expect(response.statusCode).toBeLessThan(300);
    const notices = await t.db.changeNotice.findMany({
      where: { portalId: portal.id },
      orderBy: { id: 'asc' },
    });
    expect(notices.map((n) => [n.object, n.recordId])).toEqual([
      ['customer', '900'],
      ['customer', '901'],
    ]);
  });
});
