import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type CanonicalInvoice, idempotencyKey, type WriteResult } from '@ledgersync/sync-engine';
import { createQuickBooksSideReader } from '../ports/quickbooks-side-reader.ts';
import { createQuickBooksSideWriter } from '../ports/quickbooks-side-writer.ts';
import { type EmulatorHarness, startEmulator } from '../testing/emulator-harness.ts';
import { incomeAccountId, makeCustomer, makeItem } from '../testing/qbo-fixtures.ts';

let emu: EmulatorHarness;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => emu.close());

let n = 0;
const key = () => idempotencyKey('portal-cf', 'invoice', 'hubspot', `cf-${n++}`, 1);

function invoice(customerId: string, productId: string, customFields: CanonicalInvoice['customFields']) {
  return {
    number: null,
    issueDate: '2026-03-02',
    dueDate: '2026-04-01',
    currency: 'USD',
    customerId,
    status: 'open',
    source: 'hubspot',
    comments: null,
    lines: [
      {
        productId,
        description: 'Hour',
        quantity: '1',
        unitPrice: '10.10',
        discount: null,
        serviceDate: null,
        amount: '10.10',
        taxCodeId: null,
      },
    ],
    total: '10.10',
    balance: '10.10',
    customFields,
  } satisfies CanonicalInvoice;
}

function ok(r: WriteResult | undefined) {
  if (!r?.ok) throw new Error(`write failed: ${JSON.stringify(r)}`);
  return { ...r, record: r.record as CanonicalInvoice };
}

describe('QBO invoice custom mappings (R-MAP-4, R-FAQ-1)', () => {
  it('writes and reads custom fields by CustomField:<DefinitionId> and standard fields by name', async () => {
    const qbo = await emu.newClient();
    const accountId = await incomeAccountId(qbo);
    const [customer, item] = await Promise.all([makeCustomer(qbo), makeItem(qbo)]);
    const writer = createQuickBooksSideWriter(qbo, { customLineItemIncomeAccountId: accountId });
    const reader = createQuickBooksSideReader(qbo);
    const created = ok(
      (
        await writer.writeBatch([
          {
            kind: 'create',
            object: 'invoice',
            idempotencyKey: key(),
            counterpartId: 'hs-1',
            record: invoice(customer.Id, item.Id, {
              'CustomField:1': { type: 'string', value: "PO-7'7" },
              TrackingNum: { type: 'string', value: '1Z999' },
              ShipDate: { type: 'date', value: '2026-03-04' },
              ShipMethodRef: { type: 'string', value: 'UPS' },
            }),
          },
        ])
      )[0],
    );
    const raw = await qbo.read('Invoice', created.id);
    expect(raw.CustomField).toEqual([
      expect.objectContaining({ DefinitionId: '1', Type: 'StringType', StringValue: "PO-7'7" }),
    ]);
    expect(raw).toMatchObject({ TrackingNum: '1Z999', ShipDate: '2026-03-04' });
    expect(created.record.customFields).toMatchObject({
      'CustomField:1': { type: 'string', value: "PO-7'7" },
      TrackingNum: { type: 'string', value: '1Z999' },
      ShipDate: { type: 'date', value: '2026-03-04' },
      ShipMethodRef: { type: 'string', value: 'UPS' },
    });

    // A later change of one mapped field (the engine sends the record's whole customFields).
    const updated = ok(
      (
        await writer.writeBatch([
          {
            kind: 'update',
            object: 'invoice',
            idempotencyKey: key(),
            id: created.id,
            expectedVersion: created.version,
            changes: {
              customFields: {
                ...created.record.customFields,
                'CustomField:1': { type: 'string', value: 'PO-78' },
              },
            },
            record: created.record,
          },
        ])
      )[0],
    );
    const read = await reader.readByIds('invoice', [updated.id]);
    if (!read.ok) throw new Error(read.error.message);
    expect((read.value.records[0]?.record as CanonicalInvoice | undefined)?.customFields).toMatchObject({
      'CustomField:1': { type: 'string', value: 'PO-78' },
      TrackingNum: { type: 'string', value: '1Z999' },
    });
  });

  it('fails only the invoice whose mapping names a field LedgerSync cannot write, naming it', async () => {
    const qbo = await emu.newClient();
    const accountId = await incomeAccountId(qbo);
    const [customer, item] = await Promise.all([makeCustomer(qbo), makeItem(qbo)]);
    const writer = createQuickBooksSideWriter(qbo, { customLineItemIncomeAccountId: accountId });
    const [bad, good] = await writer.writeBatch([
      {
        kind: 'create',
        object: 'invoice',
        idempotencyKey: key(),
        counterpartId: 'hs-2',
        record: invoice(customer.Id, item.Id, { Shoesize: { type: 'string', value: '9' } }),
      },
      {
        kind: 'create',
        object: 'invoice',
        idempotencyKey: key(),
        counterpartId: 'hs-3',
        record: invoice(customer.Id, item.Id, {}),
      },
    ]);
    expect(bad?.ok === false && bad.error.code).toBe('invalid_field_value');
    expect(bad?.ok === false && bad.error.message).toContain('"Shoesize"');
    expect(good?.ok).toBe(true);
  });
});
