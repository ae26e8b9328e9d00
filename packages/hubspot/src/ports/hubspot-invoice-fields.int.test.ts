import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CanonicalInvoice, WriteResult } from '@ledgersync/sync-engine';
import { batchReadObjects } from '../crm/batch-objects.ts';
import { ensureAppProperties } from '../install/ensure-app-properties.ts';
import { startTestHubSpot, type TestHubSpot } from '../test-support/emulator.ts';
import { anInvoice } from '../test-support/records.ts';
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
    client,
    writer: createHubSpotSideWriter({ client, now: hs.clock.now }),
    reader: createHubSpotSideReader({ client, now: hs.clock.now }),
  };
}

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
