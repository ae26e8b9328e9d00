import type { PropertyCreate } from '@hubspot/api-client/lib/codegen/crm/properties/index.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CanonicalInvoice, CustomMapping, WriteResult } from '@ledgersync/sync-engine';
import { batchReadObjects } from '../crm/batch-objects.ts';
import { ensureAppProperties } from '../install/ensure-app-properties.ts';
import { customInvoiceProperties } from '../mapping/invoice-custom-properties.ts';
import { startTestHubSpot, type TestHubSpot } from '../testing/emulator.ts';
import { anInvoice } from '../testing/records.ts';
import { createHubSpotSideReader } from './hubspot-side-reader.ts';
import { createHubSpotSideWriter } from './hubspot-side-writer.ts';

let hs: TestHubSpot;
beforeAll(async () => {
  hs = await startTestHubSpot();
});
afterAll(() => hs.close());

async function setup(mappings: readonly CustomMapping[] = []) {
  const client = hs.client(await hs.newPortal());
  await ensureAppProperties(client);
  const custom = customInvoiceProperties(mappings);
  return {
    client,
    writer: createHubSpotSideWriter({ client, now: hs.clock.now, customInvoiceProperties: custom }),
    reader: createHubSpotSideReader({ client, now: hs.clock.now, customInvoiceProperties: custom }),
  };
}

const mapping = (
  property: string,
  type: CustomMapping['hubspot']['type'],
  field: string,
  direction: CustomMapping['direction'],
): CustomMapping => ({
  id: `m-${property}`,
  hubspot: { property, label: property, type },
  quickbooks: {
    field,
    label: field,
    type: type === 'datetime' ? 'date' : type,
    custom: field.startsWith('CustomField:'),
  },
  direction,
  enabled: true,
});

function written(r: WriteResult | undefined) {
  if (!r?.ok) throw new Error(`write failed: ${JSON.stringify(r)}`);
  return { ...r, record: r.record as CanonicalInvoice };
}

describe('HubSpot invoice number (R-OBJ-3)', () => {
  it('writes the QBO number to ledgersync_qbo_number (hs_number is read-only) and reads it as the number', async () => {
    const { client, writer, reader } = await setup();
    const created = written(
      (
        await writer.writeBatch([
          {
            kind: 'create',
            object: 'invoice',
            idempotencyKey: 'n-1',
            counterpartId: '901',
            record: anInvoice({ number: '1042', status: 'draft' }),
          },
        ])
      )[0],
    );
    expect(created.record.number).toBe('1042');
    const { found } = await batchReadObjects(
      client,
      'invoices',
      [created.id],
      ['hs_number', 'ledgersync_qbo_number'],
    );
    expect(found[0]?.properties.ledgersync_qbo_number).toBe('1042');

    const renumbered = written(
      (
        await writer.writeBatch([
          {
            kind: 'update',
            object: 'invoice',
            idempotencyKey: 'n-2',
            id: created.id,
            expectedVersion: created.version,
            changes: { number: '1042-A' },
            record: anInvoice({ number: '1042-A', status: 'draft' }),
          },
        ])
      )[0],
    );
    expect(renumbered.record.number).toBe('1042-A');
    const read = await reader.readByIds('invoice', [created.id]);
    expect(read.ok && read.value.records[0]?.record.number).toBe('1042-A');
  });
});

describe('HubSpot invoice custom mappings (R-MAP-4, R-FAQ-1)', () => {
  it('reads and writes mapped properties typed, and never writes a one-way HubSpot → QBO property', async () => {
    const { client, writer, reader } = await setup([
      mapping('hs_purchase_order_number', 'string', 'CustomField:1', 'two_way'),
      mapping('ship_by', 'date', 'ShipDate', 'quickbooks_to_hubspot'),
      mapping('crate_count', 'number', 'CustomField:2', 'two_way'),
      // hs_number is read-only in HubSpot: it only ever flows out.
      mapping('hs_number', 'string', 'CustomField:3', 'hubspot_to_quickbooks'),
    ]);
    for (const [name, type, fieldType] of [
      ['ship_by', 'date', 'date'],
      ['crate_count', 'number', 'number'],
    ] as const) {
      const body = { name, label: name, type, fieldType, groupName: 'invoiceinformation' };
      await client.call('standard', (sdk) =>
        sdk.crm.properties.coreApi.createWithHttpInfo('invoices', body as unknown as PropertyCreate),
      );
    }
    const customFields: CanonicalInvoice['customFields'] = {
      hs_purchase_order_number: { type: 'string', value: "PO-7'7" },
      ship_by: { type: 'date', value: '2026-03-09' },
      crate_count: { type: 'number', value: '12.5' },
      hs_number: { type: 'string', value: 'ignored' },
    };
    const created = written(
      (
        await writer.writeBatch([
          {
            kind: 'create',
            object: 'invoice',
            idempotencyKey: 'cf-1',
            counterpartId: '902',
            record: anInvoice({ status: 'draft', customFields }),
          },
        ])
      )[0],
    );
    expect(created.record.customFields).toMatchObject({
      hs_purchase_order_number: { type: 'string', value: "PO-7'7" },
      ship_by: { type: 'date', value: '2026-03-09' },
      crate_count: { type: 'number', value: '12.5' },
    });
    const { found } = await batchReadObjects(client, 'invoices', [created.id], ['ship_by', 'hs_number']);
    expect(found[0]?.properties.ship_by).toBe(String(Date.parse('2026-03-09T00:00:00Z')));
    expect(found[0]?.properties.hs_number).not.toBe('ignored');

    // Clearing one mapped value clears the property; the others are kept.
    const updated = written(
      (
        await writer.writeBatch([
          {
            kind: 'update',
            object: 'invoice',
            idempotencyKey: 'cf-2',
            id: created.id,
            expectedVersion: created.version,
            changes: { customFields: { ...created.record.customFields, hs_purchase_order_number: null } },
            record: created.record,
          },
        ])
      )[0],
    );
    const read = await reader.readByIds('invoice', [updated.id]);
    if (!read.ok) throw new Error(read.error.message);
    expect((read.value.records[0]?.record as CanonicalInvoice | undefined)?.customFields).toMatchObject({
      hs_purchase_order_number: null,
      ship_by: { type: 'date', value: '2026-03-09' },
      crate_count: { type: 'number', value: '12.5' },
    });
  });
});
