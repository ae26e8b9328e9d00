import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Portal } from '@ledgersync/db';
import { signatureV3 } from '@ledgersync/hubspot-emulator';
import { startTestServer, TEST_CONFIG, type TestServer } from '../testing/test-server.ts';

// A flood of 10,000 events for one portal: through the real webhook route and intake, in
// HubSpot's batches of 100, shuffled, with a tenth of the batches delivered twice (HubSpot
// retries). Nothing lost, nothing stored twice, and one sync job for the portal (its per-portal
// queue runs one drain at a time), not one per event.

const EVENTS = Number(process.env.LEDGERSYNC_FAULT_WEBHOOK_FLOOD ?? 10_000);
const RECORDS = 250;

let t: TestServer;
let portal: Portal;
beforeAll(async () => {
  t = await startTestServer();
  portal = await t.portal({ realmId: 'flood-realm' });
});
afterAll(() => t.close());

function shuffled<T>(items: T[], seed: number): T[] {
  let s = seed;
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

async function deliver(batch: unknown[]): Promise<{ received: number; stored: number }> {
  const raw = JSON.stringify(batch);
  const ts = String(t.clock.now.getTime());
  const url = '/webhooks/hubspot';
  const res = await t.app.inject({
    method: 'POST',
    url,
    payload: raw,
    headers: {
      'content-type': 'application/json',
      'x-hubspot-request-timestamp': ts,
      'x-hubspot-signature-v3': signatureV3(
        TEST_CONFIG.hubspot.clientSecret,
        'POST',
        `${TEST_CONFIG.publicUrl}${url}`,
        raw,
        Number(ts),
      ),
    },
  });
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('webhook flood for one portal', () => {
  it(`${EVENTS} events in batches of 100: every record noticed, no event stored twice, one sync job in the portal's queue`, async () => {
    const events = shuffled(
      Array.from({ length: EVENTS }, (_, i) => ({
        eventId: i + 1,
        subscriptionId: 20,
        portalId: Number(portal.hubId),
        appId: Number(TEST_CONFIG.hubspot.appId),
        occurredAt: t.clock.now.getTime() - 1_000 + (i % 500),
        subscriptionType: 'object.propertyChange',
        objectTypeId: '0-1',
        objectId: 10_000 + (i % RECORDS),
        propertyName: 'phone',
        attemptNumber: 0,
        changeSource: 'CRM_UI',
      })),
      7,
    );
    const batches: unknown[][] = [];
    for (let i = 0; i < events.length; i += 100) batches.push(events.slice(i, i + 100));
    let stored = 0;
    let received = 0;
    for (const [n, batch] of batches.entries()) {
      const first = await deliver(batch);
      stored += first.stored;
      received += first.received;
      if (n % 10 === 0) {
        const retry = await deliver(batch);
        expect(retry.stored).toBe(0);
        received += retry.received;
      }
    }
    expect(stored).toBe(EVENTS);
    expect(received).toBe(EVENTS + 100 * Math.ceil(batches.length / 10));

    const notices = await t.db.changeNotice.groupBy({
      by: ['recordId'],
      where: { portalId: portal.id, side: 'hubspot', object: 'customer' },
      _count: true,
    });
    expect(notices).toHaveLength(Math.min(RECORDS, EVENTS));
    expect(notices.reduce((n, r) => n + r._count, 0)).toBe(EVENTS);
    const jobs = await t.db.$queryRaw<{ key: string; queue: string | null }[]>`
      SELECT j.key, q.queue_name AS queue FROM graphile_worker._private_jobs j
        LEFT JOIN graphile_worker._private_job_queues q ON q.id = j.job_queue_id`;
    expect(jobs).toEqual([{ key: `sync-portal:${portal.id}`, queue: `portal:${portal.id}` }]);
  }, 120_000);
});
