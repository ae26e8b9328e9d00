import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Portal } from '@ledgersync/db';
import { EXPORT_LINK_LIFETIME_MS } from '../../export/export-link-token.ts';
import type { HistoricalInvoice } from '../../ports/hubspot-gateway.ts';
import { startTestServer, TEST_CONFIG, type TestServer } from '../../testing/test-server.ts';

const invoice = (number: string): HistoricalInvoice => ({
  id: number,
  number,
  invoiceDate: '2025-03-01',
  dueDate: null,
  currency: 'USD',
  customerName: 'Acme',
  customerEmail: null,
  memo: null,
  lines: [
    { productId: '7', name: 'Widget', description: null, quantity: '1', unitPrice: '5.00', amount: '5.00' },
  ],
});

describe('historical export download link (R-FLT-4)', () => {
  let t: TestServer;
  let a: Portal;
  let b: Portal;
  beforeAll(async () => {
    t = await startTestServer();
    a = await t.portal();
    b = await t.portal();
    t.hubspot.history.set(Number(a.hubId), [invoice('A-1')]);
    t.hubspot.history.set(Number(b.hubId), [invoice('B-SECRET')]);
  });
  afterAll(async () => t.close());

  const link = async (portal: Portal, query = '') => {
    const res = await t.signed(t.app, portal, 'POST', `/api/v1/exports/historical-invoices/link${query}`);
    expect(res.statusCode).toBe(200);
    return res.json() as { url: string; expiresAt: string };
  };
  /** Opens the link as a browser does: no HubSpot headers, just the URL. */
  const open = (url: string) => {
    const u = new URL(url);
    expect(u.origin).toBe(TEST_CONFIG.publicUrl);
    return t.app.inject({ method: 'GET', url: `${u.pathname}${u.search}` });
  };

  it('hands out a 5-minute URL that serves the CSV without HubSpot headers', async () => {
    const { url, expiresAt } = await link(a);
    expect(url).toMatch(
      new RegExp(`^${TEST_CONFIG.publicUrl}/exports/${a.hubId}/historical-invoices\\.csv\\?token=`),
    );
    expect(Date.parse(expiresAt) - t.clock.now.getTime()).toBe(EXPORT_LINK_LIFETIME_MS);
    const res = await open(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="hubspot-historical-invoices.csv"');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('A-1,Acme');
    expect(res.body).not.toContain('B-SECRET');
    expect(t.hubspot.exportCalls.at(-1)?.accessToken).toBe(`hs-at-${a.hubId}`);
  });

  it('carries the chosen cut-off date inside the signed link', async () => {
    const { url } = await link(a, '?before=2026-01-01T00:00:00Z');
    expect((await open(url)).statusCode).toBe(200);
    expect(t.hubspot.exportCalls.at(-1)?.before).toEqual(new Date('2026-01-01T00:00:00Z'));
  });

  it('refuses the link once expired', async () => {
    const { url } = await link(a);
    t.clock.now = new Date(t.clock.now.getTime() + EXPORT_LINK_LIFETIME_MS);
    const res = await open(url);
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('export_link_expired');
  });

  it("refuses portal A's link used for portal B, and an altered or missing token", async () => {
    const { url } = await link(a);
    const other = await open(url.replace(`/exports/${a.hubId}/`, `/exports/${b.hubId}/`));
    expect(other.statusCode).toBe(403);
    expect(other.json().error).toBe('export_link_wrong_portal');
    expect(other.body).not.toContain('B-SECRET');

    const token = new URL(url).searchParams.get('token') as string;
    const [v, payload, mac] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(
      JSON.stringify({ ...claims, portalId: b.id, hubId: String(b.hubId) }),
    ).toString('base64url');
    for (const bad of [`${v}.${forged}.${mac}`, `${v}.${payload}.${mac.slice(1)}`, 'nonsense']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/exports/${b.hubId}/historical-invoices.csv?token=${encodeURIComponent(bad)}`,
      });
      expect({ bad, status: res.statusCode, error: res.json().error }).toEqual({
        bad,
        status: 401,
        error: 'export_link_invalid',
      });
    }
    const missing = await t.app.inject({ method: 'GET', url: `/exports/${a.hubId}/historical-invoices.csv` });
    expect(missing.statusCode).toBe(400);
  });

  it('refuses a link of a portal that has since uninstalled', async () => {
    const gone = await t.portal();
    const { url } = await link(gone);
    await t.db.portal.update({ where: { id: gone.id }, data: { uninstalledAt: t.clock.now } });
    const res = await open(url);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toBe('portal_not_installed');
  });

  it('hands out links only to a signed request', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/exports/historical-invoices/link?portalId=${a.hubId}`,
    });
    expect(res.statusCode).toBe(401);
  });
});
