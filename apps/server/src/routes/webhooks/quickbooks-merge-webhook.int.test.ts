import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Portal } from '@ledgersync/db';
import { startTestServer, TEST_CONFIG, type TestServer } from '../../testing/test-server.ts';

describe('QuickBooks merge webhooks (R-OBJ-7)', () => {
  let t: TestServer;
  let portal: Portal;
  beforeAll(async () => {
    t = await startTestServer();
    portal = await t.portal({ realmId: 'realm-qbo-merge' });
  });
  afterAll(async () => t.close());

  const intuitPost = (body: unknown) => {
    const raw = JSON.stringify(body);
    return t.app.inject({
      method: 'POST',
      url: '/webhooks/quickbooks',
      payload: raw,
      headers: {
        'content-type': 'application/json',
        'intuit-signature': createHmac('sha256', TEST_CONFIG.quickbooks.webhookVerifierToken)
          .update(raw)
          .digest('base64'),
      },
    });
  };
  const notices = () =>
    t.db.changeNotice.findMany({ where: { portalId: portal.id }, orderBy: { id: 'asc' } });

  it('R-OBJ-7: a classic Merge names the merged-away customer with the survivor, and the survivor; an update carries none', async () => {
    const res = await intuitPost({
      eventNotifications: [
        {
          realmId: 'realm-qbo-merge',
          dataChangeEvent: {
            entities: [
              {
                name: 'Customer',
                id: '4',
                operation: 'Merge',
                deletedId: '9',
                lastUpdated: '2026-11-27T20:00:00Z',
              },
              { name: 'Customer', id: '4', operation: 'Update', lastUpdated: '2026-11-27T20:00:00Z' },
            ],
          },
        },
      ],
    });
    expect(res.statusCode).toBe(200);
    // The survivor's own notice from the Merge and the Update's are two events (both stored).
    expect((await notices()).map((n) => [n.object, n.recordId, n.mergedIntoId])).toEqual([
      ['customer', '9', '4'],
      ['customer', '4', null],
      ['customer', '4', null],
    ]);
  });

  it('R-OBJ-7: a CloudEvents qbo.customer.merged.v1 reads the merged-away id from data.deletedid', async () => {
    await t.db.changeNotice.deleteMany({ where: { portalId: portal.id } });
    const res = await intuitPost([
      {
        specversion: '1.0',
        id: 'ce-merge-1',
        source: 'intuit.test',
        type: 'qbo.customer.merged.v1',
        datacontenttype: 'application/json',
        time: '2025-12-04T15:25:05Z',
        intuitentityid: '123',
        intuitaccountid: 'realm-qbo-merge',
        data: { deletedid: '27' },
      },
    ]);
    expect(res.statusCode).toBe(200);
    expect((await notices()).map((n) => [n.recordId, n.mergedIntoId, n.eventId])).toEqual([
      ['27', '123', 'ce:ce-merge-1'],
      ['123', null, 'ce:ce-merge-1:survivor'],
    ]);
  });
});
