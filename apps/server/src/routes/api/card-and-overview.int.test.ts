import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Portal, Prisma, RecordLink } from '@ledgersync/db';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';

describe('invoice card, overview, records and activity', () => {
  let t: TestServer;
  let a: Portal;
  let b: Portal;
  let failed: RecordLink;
  let bLink: RecordLink;

  beforeAll(async () => {
    t = await startTestServer();
    a = await t.portal({ realmId: 'realm-a' });
    b = await t.portal({ realmId: 'realm-b' });
    const link = (
      portalId: string,
      data: Omit<Partial<Prisma.RecordLinkUncheckedCreateInput>, 'portalId'> & { hubspotId: string },
    ) =>
      t.db.recordLink.create({
        data: {
          portalId,
          object: 'invoice',
          origin: 'hubspot',
          status: 'synced',
          ...data,
        } as Prisma.RecordLinkUncheckedCreateInput,
      });
    await link(a.id, {
      hubspotId: '101',
      quickbooksId: '9001',
      displayNumber: 'INV-101',
      lastSyncedAt: new Date('2026-11-27T11:00:00Z'),
    });
    failed = await link(a.id, {
      hubspotId: '102',
      status: 'failed',
      errorCode: 'invoice_customer_missing',
      errorMessage: 'no customer for ann@example.com',
    });
    await link(a.id, { hubspotId: '103', status: 'excluded', exclusionReason: 'draft' });
    await link(a.id, {
      hubspotId: '104',
      status: 'failed',
      errorCode: 'closed_period',
      origin: 'quickbooks',
      quickbooksId: '77',
    });
    await t.db.recordLink.create({
      data: { portalId: a.id, object: 'customer', origin: 'hubspot', hubspotId: '5', status: 'synced' },
    });
    bLink = await link(b.id, { hubspotId: '101', quickbooksId: '5555', displayNumber: 'B-SECRET' });
  });
  afterAll(async () => t.close());

  // A record's activity, its payments' and its names come from real drains: src/e2e/activity-and-names.int.test.ts.
  it('shows a synced invoice with its QBO number, deep link and time', async () => {
    const res = await t.signed(t.app, a, 'GET', '/api/v1/invoices/101/card');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      invoiceId: '101',
      status: 'synced',
      quickbooks: { id: '9001', number: 'INV-101', url: 'https://app.qbo.intuit.com/app/invoice?txnId=9001' },
      lastSyncedAt: '2026-11-27T11:00:00.000Z',
      error: null,
      exclusion: null,
      activity: [],
      connection: 'connected',
    });
  });

  it('explains a failure with the catalogue title, explanation and fix, and an exclusion with its reason', async () => {
    const res = (await t.signed(t.app, a, 'GET', '/api/v1/invoices/102/card')).json();
    expect(res.status).toBe('failed');
    expect(res.error).toMatchObject({
      code: 'invoice_customer_missing',
      category: 'data',
      title: expect.stringContaining('An invoice must be associated with a customer'),
      message: 'no customer for ann@example.com',
    });
    expect(res.error.fix).toContain('sync this contact');
    const excluded = (await t.signed(t.app, a, 'GET', '/api/v1/invoices/103/card')).json();
    expect(excluded.exclusion).toEqual({ reason: 'draft', explanation: expect.stringContaining('finalize') });
    const unknown = (await t.signed(t.app, a, 'GET', '/api/v1/invoices/999/card')).json();
    expect(unknown).toMatchObject({ status: 'not_synced', quickbooks: null, activity: [] });
    expect((await t.signed(t.app, a, 'GET', '/api/v1/invoices/abc/card')).statusCode).toBe(400);
  });

  it('queues a resync only while invoice sync is on', async () => {
    const off = await t.signed(t.app, a, 'POST', '/api/v1/invoices/102/resync');
    expect(off.statusCode).toBe(409);
    expect(off.json().error).toBe('sync_off');
    await t.db.syncSettings.create({
      data: { portalId: a.id, object: 'invoice', enabled: true, direction: 'two_way' },
    });
    const on = await t.signed(t.app, a, 'POST', '/api/v1/invoices/102/resync');
    expect(on.statusCode).toBe(202);
    const notices = await t.db.changeNotice.findMany({ where: { portalId: a.id } });
    expect(notices).toEqual([
      expect.objectContaining({ side: 'hubspot', object: 'invoice', recordId: '102' }),
    ]);
    const jobs = await t.db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*)::bigint AS n FROM graphile_worker._private_jobs`;
    expect(Number(jobs[0]?.n)).toBe(1);
  });

  it('counts per object and per error code (R-VIS-2)', async () => {
    const res = (await t.signed(t.app, a, 'GET', '/api/v1/overview')).json();
    expect(res.objects).toEqual(
      expect.arrayContaining([
        { object: 'invoice', synced: 1, pending: 0, failing: 2, excluded: 1 },
        { object: 'customer', synced: 1, pending: 0, failing: 0, excluded: 0 },
      ]),
    );
    expect(res.errors).toEqual(
      expect.arrayContaining([
        {
          code: 'invoice_customer_missing',
          title: expect.stringContaining('An invoice must be associated with a customer'),
          category: 'data',
          count: 1,
        },
        expect.objectContaining({ code: 'closed_period', count: 1 }),
      ]),
    );
  });

  it('lists records with filters, sorting, pages and chosen columns (R-VIS-3)', async () => {
    const failingRes = await t.signed(
      t.app,
      a,
      'GET',
      '/api/v1/records?status=failed&object=invoice&columns=hubspotRecord,error',
    );
    const failing = failingRes.json();
    expect(failing.total).toBe(2);
    expect(failing.columns).toEqual(['hubspotRecord', 'error']);
    expect(Object.keys(failing.rows[0]).sort()).toEqual(['error', 'hubspotRecord', 'id']);
    expect(failing.rows).toContainEqual({
      id: failed.id,
      hubspotRecord: { id: '102', url: `https://app.hubspot.test/contacts/${a.hubId}/record/0-53/102` },
      error: {
        code: 'invoice_customer_missing',
        title: expect.stringContaining('An invoice must be associated with a customer'),
        category: 'data',
      },
    });
    const inbound = (
      await t.signed(t.app, a, 'GET', '/api/v1/records?direction=quickbooks_to_hubspot')
    ).json();
    expect(inbound.rows.map((r: { hubspotRecord: { id: string } }) => r.hubspotRecord.id)).toEqual(['104']);
    expect(inbound.rows[0]).toMatchObject({
      object: 'invoice',
      status: 'failed',
      direction: 'quickbooks_to_hubspot',
      quickbooksRecord: { id: '77', url: 'https://app.qbo.intuit.com/app/invoice?txnId=77' },
      error: { code: 'closed_period', title: 'Accounting period is closed' },
      exclusion: null,
    });
    const excluded = (
      await t.signed(t.app, a, 'GET', '/api/v1/records?status=excluded&columns=exclusion')
    ).json();
    expect(excluded.rows[0].exclusion).toContain('finalize the invoice');
    const byCode = (await t.signed(t.app, a, 'GET', '/api/v1/records?errorCode=closed_period')).json();
    expect(byCode.total).toBe(1);
    const paged = (
      await t.signed(t.app, a, 'GET', '/api/v1/records?object=invoice&sort=name&order=asc&page=2&pageSize=3')
    ).json();
    expect(paged).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(paged.rows).toHaveLength(1);
    const future = (await t.signed(t.app, a, 'GET', '/api/v1/records?from=2030-01-01T00:00:00Z')).json();
    expect(future.total).toBe(0);
    const bad = await t.signed(
      t.app,
      a,
      'GET',
      '/api/v1/records?columns=hubspotRecord,password&pageSize=1000',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('unknown columns: password');
  });

  describe('tenant isolation', () => {
    it("never shows portal B's records to portal A", async () => {
      const card = (await t.signed(t.app, b, 'GET', '/api/v1/invoices/101/card')).json();
      expect(card.quickbooks.number).toBe('B-SECRET');
      const aCard = (await t.signed(t.app, a, 'GET', '/api/v1/invoices/101/card')).json();
      expect(aCard.quickbooks.number).toBe('INV-101');
      expect((await t.signed(t.app, a, 'GET', `/api/v1/records/${bLink.id}/activity`)).statusCode).toBe(404);
      const records = (await t.signed(t.app, a, 'GET', '/api/v1/records?pageSize=200')).json();
      expect(records.rows.map((r: { id: string }) => r.id)).not.toContain(bLink.id);
      const bOverview = (await t.signed(t.app, b, 'GET', '/api/v1/overview')).json();
      expect(bOverview.objects.find((o: { object: string }) => o.object === 'invoice')).toMatchObject({
        synced: 1,
        failing: 0,
      });
    });

    it("ignores a portal id in the body: B's resync cannot touch A", async () => {
      await t.db.syncSettings.create({
        data: { portalId: b.id, object: 'invoice', enabled: true, direction: 'two_way' },
      });
      const before = await t.db.changeNotice.count({ where: { portalId: a.id } });
      const res = await t.signed(t.app, b, 'POST', '/api/v1/invoices/102/resync', {
        portalId: a.hubId.toString(),
      });
      expect(res.statusCode).toBe(202);
      expect(await t.db.changeNotice.count({ where: { portalId: a.id } })).toBe(before);
      expect(await t.db.changeNotice.count({ where: { portalId: b.id } })).toBe(1);
    });
  });

  describe('backfill and historical export (R-FLT-4)', () => {
    it('starts one backfill at a time while invoice sync sends to QBO, and reports progress', async () => {
      const c = await t.portal({ realmId: 'realm-c' });
      const range = { from: '2026-01-01T00:00:00Z', to: '2026-06-30T23:59:59Z' };
      const off = await t.signed(t.app, c, 'POST', '/api/v1/backfills', range);
      expect(off.json().error).toBe('sync_off');
      await t.db.syncSettings.create({
        data: { portalId: c.id, object: 'invoice', enabled: true, direction: 'hubspot_to_quickbooks' },
      });
      const started = await t.signed(t.app, c, 'POST', '/api/v1/backfills', range);
      expect(started.statusCode).toBe(202);
      expect(started.json()).toMatchObject({
        status: 'pending',
        total: 0,
        percent: 0,
        from: '2026-01-01T00:00:00.000Z',
      });
      const jobs = await t.db.$queryRaw<{ task: string }[]>`
        SELECT t.identifier AS task FROM graphile_worker._private_jobs j
        JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE j.payload->>'backfillId' = ${started.json().id}`;
      expect(jobs).toEqual([{ task: 'backfill-invoices' }]);
      expect((await t.signed(t.app, c, 'POST', '/api/v1/backfills', range)).json().error).toBe(
        'backfill_running',
      );
      await t.db.backfill.update({
        where: { id: started.json().id },
        data: { status: 'running', total: 40, done: 9, failed: 1 },
      });
      const progress = (await t.signed(t.app, c, 'GET', `/api/v1/backfills/${started.json().id}`)).json();
      expect(progress).toMatchObject({ status: 'running', total: 40, done: 9, failed: 1, percent: 25 });
      expect((await t.signed(t.app, c, 'GET', '/api/v1/backfills')).json().backfills).toHaveLength(1);
      expect((await t.signed(t.app, a, 'GET', `/api/v1/backfills/${started.json().id}`)).statusCode).toBe(
        404,
      );
      expect((await t.signed(t.app, a, 'GET', '/api/v1/backfills')).json().backfills).toHaveLength(0);
      const backwards = await t.signed(t.app, c, 'POST', '/api/v1/backfills', {
        from: range.to,
        to: range.from,
      });
      expect(backwards.statusCode).toBe(400);
      expect(backwards.json().message).toContain('from must be before to');
    });

    it("exports the portal's own historical invoices as a QBO import CSV", async () => {
      t.hubspot.history.set(Number(a.hubId), [
        {
          id: '11',
          number: 'INV-11',
          invoiceDate: '2025-03-01',
          dueDate: '2025-03-31',
          currency: 'USD',
          customerName: 'Acme, Inc.',
          customerEmail: 'ap@acme.test',
          memo: null,
          lines: [
            {
              productId: '701',
              name: 'Widget',
              description: 'Blue "large"',
              quantity: '2',
              unitPrice: '10.50',
              amount: '21.00',
            },
            {
              productId: '702',
              name: '=HYPERLINK("x")',
              description: null,
              quantity: '1',
              unitPrice: '-5.00',
              amount: '-5.00',
            },
          ],
        },
      ]);
      t.hubspot.history.set(Number(b.hubId), [
        {
          id: '99',
          number: 'B-SECRET',
          invoiceDate: '2025-01-01',
          dueDate: null,
          currency: 'USD',
          customerName: 'B',
          customerEmail: null,
          memo: null,
          lines: [
            { productId: null, name: 'x', description: null, quantity: '1', unitPrice: '1', amount: '1' },
          ],
        },
      ]);
      const res = await t.signed(
        t.app,
        a,
        'GET',
        '/api/v1/exports/historical-invoices.csv?before=2026-01-01T00:00:00Z',
      );
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      expect(res.headers['content-disposition']).toContain('attachment');
      const lines = res.body.trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        'InvoiceNo,Customer,InvoiceDate,DueDate,Memo,Item(Product/Service),ItemDescription,ItemQuantity,ItemRate,ItemAmount,Currency',
      );
      expect(lines[1]).toBe(
        'INV-11,"Acme, Inc.",2025-03-01,2025-03-31,,Widget,"Blue ""large""",2,10.50,21.00,USD',
      );
      expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
      expect(lines[2]).toContain(',-5.00,-5.00,');
      expect(res.body).not.toContain('B-SECRET');
      expect(t.hubspot.exportCalls.at(-1)).toEqual({
        accessToken: `hs-at-${a.hubId}`,
        before: new Date('2026-01-01T00:00:00Z'),
      });
    });
  });
});
