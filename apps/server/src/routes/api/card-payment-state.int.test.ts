import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Portal, Prisma } from '@ledgersync/db';
import type { CanonicalInvoice, InvoiceStatus } from '@ledgersync/sync-engine';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';

const invoice = (
  status: InvoiceStatus,
  total: string,
  balance: string,
  currency = 'USD',
): CanonicalInvoice => ({
  number: 'INV-1',
  issueDate: '2026-11-01',
  dueDate: '2026-12-01',
  currency,
  customerId: '1',
  status,
  source: 'hubspot',
  comments: null,
  lines: [
    {
      productId: null,
      description: 'Setup',
      quantity: '1',
      unitPrice: total,
      discount: null,
      serviceDate: null,
      amount: total,
      taxCodeId: null,
    },
  ],
  total,
  balance,
  customFields: {},
});

const base = (hubspot: CanonicalInvoice | null, quickbooks: CanonicalInvoice | null) => ({
  hubspot,
  quickbooks,
  hubspotVersion: '1',
  quickbooksVersion: '0',
  syncedAt: '2026-11-27T11:00:00.000Z',
});

describe('invoice card payment state (R-OBJ-5, R-VIS-1)', () => {
  let t: TestServer;
  let portal: Portal;

  beforeAll(async () => {
    t = await startTestServer();
    portal = await t.portal({ realmId: 'realm-pay' });
    const link = (hubspotId: string, mergeBase: unknown, status: 'synced' | 'failed' = 'synced') =>
      t.db.recordLink.create({
        data: {
          portalId: portal.id,
          object: 'invoice',
          origin: 'hubspot',
          status,
          hubspotId,
          quickbooksId: `9${hubspotId}`,
          mergeBase: mergeBase as Prisma.InputJsonValue,
        },
      });
    await link('201', base(invoice('open', '120', '120'), invoice('open', '120.00', '120.00')));
    await link('202', base(invoice('partially_paid', '120', '20'), invoice('partially_paid', '120', '20')));
    await link('203', base(invoice('paid', '120.5', '0'), invoice('paid', '120.5', '0')));
    await link('204', base(invoice('voided', '0', '0'), invoice('voided', '0', '0')));
    await link('205', base(null, invoice('paid', '1500', '0', 'JPY')));
    await t.db.recordLink.create({
      data: {
        portalId: portal.id,
        object: 'invoice',
        origin: 'hubspot',
        status: 'failed',
        hubspotId: '206',
      },
    });
    await link('207', { hubspot: { total: 'not an invoice' }, quickbooks: null });
  });
  afterAll(async () => t.close());

  const card = async (id: string) =>
    (await t.signed(t.app, portal, 'GET', `/api/v1/invoices/${id}/card`)).json();

  it('reports open, partially paid, paid and voided with exact amounts beside the sync status', async () => {
    expect(await card('201')).toMatchObject({
      status: 'synced',
      payment: { state: 'open', currency: 'USD', total: '120.00', amountPaid: '0.00', balanceDue: '120.00' },
    });
    expect((await card('202')).payment).toEqual({
      state: 'partially_paid',
      currency: 'USD',
      total: '120.00',
      amountPaid: '100.00',
      balanceDue: '20.00',
    });
    expect((await card('203')).payment).toMatchObject({
      state: 'paid',
      amountPaid: '120.50',
      balanceDue: '0.00',
    });
    expect((await card('204')).payment).toMatchObject({ state: 'voided', total: '0.00' });
  });

  it("reads QuickBooks' side when HubSpot's is missing, in the currency's own decimals", async () => {
    expect((await card('205')).payment).toEqual({
      state: 'paid',
      currency: 'JPY',
      total: '1500',
      amountPaid: '1500',
      balanceDue: '0',
    });
  });

  it('has no payment state for an invoice that never synced, an unknown one, or an unreadable base', async () => {
    expect(await card('206')).toMatchObject({ status: 'failed', payment: null });
    expect(await card('999')).toMatchObject({ status: 'not_synced', payment: null });
    expect((await card('207')).payment).toBeNull();
  });
});
