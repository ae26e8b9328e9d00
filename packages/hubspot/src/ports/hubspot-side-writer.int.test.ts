import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { WriteCommand, WriteResult } from '@ledgersync/sync-engine';
import { ensureAppProperties } from '../install/ensure-app-properties.ts';
import { startTestHubSpot, type TestHubSpot } from '../testing/emulator.ts';
import { aCustomer, anInvoice, aProduct } from '../testing/records.ts';
import { createHubSpotSideReader } from './hubspot-side-reader.ts';
import { createHubSpotSideWriter } from './hubspot-side-writer.ts';

let hs: TestHubSpot;
beforeAll(async () => {
  hs = await startTestHubSpot();
});
afterAll(() => hs.close());

async function setup() {
  const client = hs.client(await hs.newPortal());
  await ensureAppProperties(client);
  return {
    writer: createHubSpotSideWriter({ client, now: hs.clock.now }),
    reader: createHubSpotSideReader({ client, now: hs.clock.now }),
  };
}

function okId(r: WriteResult | undefined): string {
  if (!r?.ok) throw new Error(`write failed: ${JSON.stringify(r)}`);
  return r.id;
}

describe('HubSpot SideWriter and SideReader', () => {
  it('creates a contact, product and an invoice with lines, reads them back exactly, and replays creates', async () => {
    const { writer, reader } = await setup();
    const [contact, product] = await writer.writeBatch([
      { kind: 'create', object: 'customer', idempotencyKey: 'k-c', counterpartId: '58', record: aCustomer() },
      { kind: 'create', object: 'product', idempotencyKey: 'k-p', counterpartId: '7', record: aProduct() },
    ]);
    expect(contact).toEqual(expect.objectContaining({ ok: true }));
    expect(contact?.ok && contact.record).toMatchObject({
      email: "o'brien@example.com",
      lastName: "O'Brien",
    });
    expect(product?.ok && product.record).toMatchObject({ sku: 'CONS-1', unitPrice: '120.1' });

    const invoice = anInvoice({
      customerId: okId(contact),
      lines: [
        {
          productId: okId(product),
          description: 'Consulting',
          quantity: '2',
          unitPrice: '120.10',
          discount: null,
          serviceDate: null,
          amount: '240.20',
          taxCodeId: null,
        },
        {
          productId: null,
          description: 'Setup',
          quantity: '3',
          unitPrice: '0.1',
          discount: null,
          serviceDate: null,
          amount: '0.30',
          taxCodeId: null,
        },
      ],
    });
    const create: WriteCommand = {
      kind: 'create',
      object: 'invoice',
      idempotencyKey: 'k-i',
      counterpartId: '130',
      record: invoice,
    };
    const [written] = await writer.writeBatch([create]);
    const id = okId(written);
    const [again] = await writer.writeBatch([create]);
    expect(okId(again)).toBe(id);

    const read = await reader.readByIds('invoice', [id, '424242']);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.missing).toEqual(['424242']);
    const got = read.value.records[0]?.record;
    expect(got?.customerId).toBe(okId(contact));
    expect(got?.currency).toBe('USD');
    expect(got?.issueDate).toBe('2026-03-01');
    expect(got?.lines.map((l) => [l.productId, l.quantity, l.unitPrice, l.amount])).toEqual([
      [okId(product), '2', '120.1', '240.20'],
      [null, '3', '0.1', '0.30'],
    ]);
  });

  it('refuses an update whose expected version is stale and applies one that is current', async () => {
    const { writer } = await setup();
    const [created] = await writer.writeBatch([
      { kind: 'create', object: 'product', idempotencyKey: 'k1', counterpartId: '9', record: aProduct() },
    ]);
    if (!created?.ok) throw new Error('create failed');
    const update = (expectedVersion: string): WriteCommand => ({
      kind: 'update',
      object: 'product',
      idempotencyKey: 'k2',
      id: created.id,
      expectedVersion,
      changes: { unitPrice: '99.99' },
      record: aProduct({ unitPrice: '99.99' }),
    });
    const [stale] = await writer.writeBatch([update('2020-01-01T00:00:00.000Z')]);
    expect(stale?.ok === false && stale.error.code).toBe('stale_version');
    const [fresh] = await writer.writeBatch([update(created.version)]);
    expect(fresh?.ok && fresh.record).toMatchObject({ unitPrice: '99.99' });
  });

  it('updates an invoice: new billing contact replaces the old one, lines are replaced in place', async () => {
    const { writer, reader } = await setup();
    const [a, b] = await writer.writeBatch([
      {
        kind: 'create',
        object: 'customer',
        idempotencyKey: 'a',
        counterpartId: '1',
        record: aCustomer({ email: 'a@example.com' }),
      },
      {
        kind: 'create',
        object: 'customer',
        idempotencyKey: 'b',
        counterpartId: '2',
        record: aCustomer({ email: 'b@example.com' }),
      },
    ]);
    const invoice = anInvoice({ customerId: okId(a), status: 'draft' });
    const [created] = await writer.writeBatch([
      { kind: 'create', object: 'invoice', idempotencyKey: 'i', counterpartId: '50', record: invoice },
    ]);
    if (!created?.ok) throw new Error(JSON.stringify(created));
    const lines = [
      {
        productId: null,
        description: 'Two',
        quantity: '2',
        unitPrice: '1.25',
        discount: null,
        serviceDate: null,
        amount: '2.50',
        taxCodeId: null,
      },
    ];
    const [updated] = await writer.writeBatch([
      {
        kind: 'update',
        object: 'invoice',
        idempotencyKey: 'u',
        id: created.id,
        expectedVersion: created.version,
        changes: { customerId: okId(b), lines, comments: 'Changed' },
        record: { ...invoice, customerId: okId(b), lines, comments: 'Changed' },
      },
    ]);
    expect(updated).toEqual(expect.objectContaining({ ok: true }));
    const read = await reader.readByIds('invoice', [created.id]);
    expect(read.ok && read.value.records[0]?.record).toMatchObject({
      customerId: okId(b),
      comments: 'Changed',
      lines: [{ description: 'Two', quantity: '2', unitPrice: '1.25', amount: '2.50' }],
    });
  });

  it('voids an invoice and marks a record whose counterpart was deleted', async () => {
    const { writer } = await setup();
    const [inv, prod] = await writer.writeBatch([
      {
        kind: 'create',
        object: 'invoice',
        idempotencyKey: 'i',
        counterpartId: '60',
        record: anInvoice({ status: 'draft' }),
      },
      { kind: 'create', object: 'product', idempotencyKey: 'p', counterpartId: '61', record: aProduct() },
    ]);
    if (!inv?.ok || !prod?.ok) throw new Error('create failed');
    const results = await writer.writeBatch([
      { kind: 'void', object: 'invoice', idempotencyKey: 'v', id: inv.id, expectedVersion: inv.version },
      { kind: 'mark_counterpart_deleted', object: 'product', idempotencyKey: 'm', id: prod.id },
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(results[0]?.ok && results[0].record).toMatchObject({ status: 'voided' });
  });
});
