import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Portal } from '@ledgersync/db';
import { signatureV3 } from '@ledgersync/hubspot-emulator';
import { startTestServer, TEST_CONFIG, type TestServer } from '../testing/test-server.ts';
import { createReplayGuard } from './replay-guard.ts';

describe('replay guard shared through Postgres', () => {
  let t: TestServer;
  let portal: Portal;
  beforeAll(async () => {
    t = await startTestServer();
    portal = await t.portal({ realmId: 'realm-replay' });
  });
  afterAll(async () => t.close());

  it('accepts a signature once across guards (processes), and again only after the window', async () => {
    const start = new Date('2026-11-27T12:00:00.000Z');
    const at = (ms: number) => new Date(start.getTime() + ms);
    const one = createReplayGuard(t.db, 1_000);
    const two = createReplayGuard(t.db, 1_000);
    expect(await one.firstUse('sig-a', at(0))).toBe(true);
    expect(await one.firstUse('sig-a', at(10))).toBe(false);
    expect(await two.firstUse('sig-a', at(20))).toBe(false);
    expect(await two.firstUse('sig-b', at(30))).toBe(true);
    // Only a hash is stored, never the signature itself.
    const rows = await t.db.signatureUse.findMany();
    expect(rows.map((r) => r.signatureHash)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^[0-9a-f]{64}$/)]),
    );
    expect(JSON.stringify(rows)).not.toContain('sig-a');
    // A minute later the window is long past: expired rows are swept and the key is free again.
    expect(await two.firstUse('sig-a', at(61_000))).toBe(true);
    expect(await t.db.signatureUse.count({ where: { expiresAt: { lt: at(61_000) } } })).toBe(0);
  });

  it('refuses a signed request replayed to another server process on the same database', async () => {
    const other = await t.extraApp({}, {});
    t.clock.now = new Date(t.clock.now.getTime() + 1);
    const url = `/api/v1/settings/objects/product/fields?userId=7&appId=${TEST_CONFIG.hubspot.appId}&portalId=${portal.hubId}`;
    const body = JSON.stringify({ disabledFields: [] });
    const ts = t.clock.now.getTime();
    const request = {
      method: 'PUT' as const,
      url,
      payload: body,
      headers: {
        'content-type': 'application/json',
        'x-hubspot-request-timestamp': String(ts),
        'x-hubspot-signature-v3': signatureV3(
          TEST_CONFIG.hubspot.clientSecret,
          'PUT',
          `${TEST_CONFIG.publicUrl}${url}`,
          body,
          ts,
        ),
      },
    };
    expect((await t.app.inject(request)).statusCode).toBe(200);
    const replay = await other.inject(request);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error).toBe('signature_replayed');
    expect((await t.app.inject(request)).json().error).toBe('signature_replayed');
  });
});
