import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { hubspotQuery, sendSigned } from './hubspot-fetch.ts';
import { portalSnapshot } from './portal-snapshot.ts';
import { apiRoutesOf, ROUTE_CATALOGUE } from './route-catalogue.ts';
import { isServed } from './route-table.ts';
import { type SeededPortal, twoPortals } from './two-portals.ts';

const LAST = ['DELETE /api/v1/connections/quickbooks', 'POST /api/v1/app/uninstall'];
const API_ROUTES = apiRoutesOf(ROUTE_CATALOGUE).sort((x, y) => LAST.indexOf(x.key) - LAST.indexOf(y.key));

describe('tenant isolation: portal A, naming B’s ids on every /api route, never reads or changes B', () => {
  let w: Awaited<ReturnType<typeof twoPortals>>;
  let a: SeededPortal;
  let b: SeededPortal;
  let before: Record<string, string[]>;
  let calls = 0;

  beforeAll(async () => {
    w = await twoPortals();
    ({ a, b } = w);
    before = await portalSnapshot(w.t.db, b.portal.id);
  });
  afterAll(async () => {
    console.info(`tenant isolation: ${calls} cross-portal calls`);
    await w.t.close();
  });

  it('the snapshot sees B’s data (so an unchanged snapshot means something)', () => {
    expect(before.RecordLink).toHaveLength(1);
    expect(before.SyncActivity).toHaveLength(1);
    expect(before.Backfill).toHaveLength(1);
    expect(before.SyncSettings?.join()).toContain(b.ids.mappingId);
    expect(before.HubSpotInstallation).toHaveLength(1);
    expect(before.QuickBooksConnection).toHaveLength(1);
  });

  it.each(API_ROUTES.map((r) => [r.key, r] as const))('%s as A with B’s ids', async (key, route) => {
    expect(isServed(w.t.app, key)).toBe(true);
    const sample = route.sample(b.ids);
    w.t.clock.now = new Date(w.t.clock.now.getTime() + 1);
    const res = await sendSigned(w.t.app, {
      method: route.method,
      url: hubspotQuery(sample.path, a.portal.hubId),
      timestampMs: w.t.clock.now.getTime(),
      ...(sample.body === undefined ? {} : { body: JSON.stringify(sample.body) }),
    });
    calls++;
    expect(res.statusCode).toBeLessThan(500);
    expect([401, 403]).not.toContain(res.statusCode);
    for (const marker of b.markers) expect(res.body).not.toContain(marker);
    // Ids of B that A names are simply not found among A's data.
    if (/:recordId|:backfillId|:syncRunId|:mappingId/.test(key)) {
      expect(res.statusCode).toBe(404);
    }
    expect(await portalSnapshot(w.t.db, b.portal.id)).toEqual(before);
  });

  it('A’s card for B’s invoice id shows nothing of B; A’s export asked HubSpot with A’s token only', async () => {
    const card = await w.t.signed(w.t.app, b.portal, 'GET', `/api/v1/invoices/${b.ids.invoiceId}/card`);
    // B itself sees its own invoice (the sweep above had nothing to find, not a broken route).
    expect(card.json().status).toBe('failed');
    const records = await w.t.signed(w.t.app, b.portal, 'GET', '/api/v1/records?columns=name');
    expect(records.body).toContain(b.markers[0]);
    const exportTokens = w.t.hubspot.exportCalls.map((c) => c.accessToken);
    expect(exportTokens).toContain(`hs-at-${a.portal.hubId}`);
    expect(exportTokens).not.toContain(`hs-at-${b.portal.hubId}`);
  });
});
