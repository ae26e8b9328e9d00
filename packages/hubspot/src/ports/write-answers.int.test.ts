import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { WriteCommand } from '@ledgersync/sync-engine';
import { ensureAppProperties } from '../install/ensure-app-properties.ts';
import { startTestHubSpot, type TestHubSpot } from '../testing/emulator.ts';
import { aCustomer, anInvoice, aPayment } from '../testing/records.ts';
import { type AssociationTypeIds, createAssociationTypeCatalogue } from './association-type-catalogue.ts';
import { createHubSpotSideReader } from './hubspot-side-reader.ts';
import { createHubSpotSideWriter } from './hubspot-side-writer.ts';
import { createInvoiceSourceCatalogue } from './invoice-source-catalogue.ts';

let hs: TestHubSpot;
beforeAll(async () => {
  hs = await startTestHubSpot({ rateLimits: false });
});
afterAll(() => hs.close());

/** A portal with its app properties, a writer and reader, and the association type ids it keeps. */
async function portalWithWriter(stored: AssociationTypeIds = {}) {
  const portal = await hs.newPortal();
  const client = hs.client(portal);
  await ensureAppProperties(client);
  const kept = { ids: stored, saves: 0 };
  const associationTypes = createAssociationTypeCatalogue(client, {
    load: async () => kept.ids,
    save: async (ids) => {
      kept.ids = ids;
      kept.saves += 1;
    },
  });
  // As the adapter wires them: one invoice source catalogue for both ports.
  const invoiceSources = createInvoiceSourceCatalogue(client);
  const writer = createHubSpotSideWriter({ client, now: hs.clock.now, associationTypes, invoiceSources });
  const reader = createHubSpotSideReader({ client, now: hs.clock.now, invoiceSources });
  return { portal, client, writer, reader, kept };
}

async function routesCalled(portalId: string, during: () => Promise<unknown>): Promise<string[]> {
  await fetch(`${hs.url}/_emulator/requests`, { method: 'DELETE' });
  await during();
  const { requests } = (await hs.get('/_emulator/requests')) as {
    requests: { route: string; status: number; portalId?: number }[];
  };
  return requests.filter((r) => String(r.portalId) === portalId).map((r) => `${r.route} ${r.status}`);
}

const create = <O extends WriteCommand['object']>(object: O, key: string, record: unknown): WriteCommand =>
  ({ kind: 'create', object, idempotencyKey: key, counterpartId: key, record }) as WriteCommand;

async function createdId(
  writer: ReturnType<typeof createHubSpotSideWriter>,
  command: WriteCommand,
): Promise<string> {
  const [result] = await writer.writeBatch([command]);
  if (!result?.ok) throw new Error(`create failed: ${JSON.stringify(result)}`);
  return result.id;
}

describe('HubSpot writes link inline and answer with the record written', () => {
  it('creates an invoice with its contact and lines linked inline, ids from the labels API, nothing read back', async () => {
    const { portal, writer, reader, kept } = await portalWithWriter();
    const contactId = await createdId(writer, create('customer', 'q-c1', aCustomer()));
    const [setup] = anInvoice().lines;
    if (!setup) throw new Error('the sample invoice has a line');
    const support = { ...setup, description: 'Support', quantity: '2', amount: '0.20' };
    const invoice = anInvoice({ customerId: contactId, lines: [setup, support] });
    let results: Awaited<ReturnType<typeof writer.writeBatch>> = [];
    const routes = await routesCalled(portal.portalId, async () => {
      results = await writer.writeBatch([create('invoice', 'q-i1', invoice)]);
    });
    // The invoice source options are read once per catalogue (R-FLT-1), apart from the writes.
    expect(routes.filter((r) => !r.includes('/properties/'))).toEqual([
      'GET /crm/v4/associations/:fromType/:toType/labels 200',
      'POST /crm/v3/objects/:objectType/batch/create 201',
      'GET /crm/v4/associations/:fromType/:toType/labels 200',
      'POST /crm/v3/objects/:objectType/batch/create 201',
      'POST /crm/v3/objects/:objectType/batch/update 200',
    ]);
    expect(kept.ids).toEqual({ 'invoices->contacts': 177, 'line_items->invoices': 410 });
    const written = results[0];
    if (!written?.ok) throw new Error('invoice create failed');
    // What the echo of this write will read is what the write answered (R-EDT-3).
    const read = await reader.readByIds('invoice', [written.id]);
    if (!read.ok) throw new Error('read failed');
    expect(read.value.records[0]?.record).toEqual(written.record);
    expect(read.value.records[0]?.version).toBe(written.version);
    expect(written.record).toMatchObject({ customerId: contactId, status: 'open', total: '0.50' });
  });

  it("links with the ids the portal's labels answer, not the ones another portal has", async () => {
    const { portal, client, writer, reader, kept } = await portalWithWriter();
    await hs.control(`/_emulator/portals/${portal.portalId}/association-types`, {
      fromType: 'commerce_payments',
      toType: 'invoices',
      typeId: 9542,
      inverseTypeId: 9541,
    });
    const contactId = await createdId(writer, create('customer', 'q-c2', aCustomer()));
    const invoiceId = await createdId(
      writer,
      create('invoice', 'q-i2', anInvoice({ customerId: contactId })),
    );
    const payment = aPayment({ customerId: contactId, appliedTo: [{ invoiceId, amount: '0.10' }] });
    const [paid] = await writer.writeBatch([create('payment', 'q-p2', payment)]);
    expect(paid?.ok).toBe(true);
    expect(kept.ids['commerce_payments->invoices']).toBe(9542);
    const links = await client.call('standard', (sdk) =>
      sdk.crm.associations.v4.basicApi.getPageWithHttpInfo('invoices', invoiceId, 'commerce_payments'),
    );
    expect(links.results[0]?.associationTypes.map((t) => t.typeId)).toEqual([9541]);
    const read = await reader.readByIds('payment', [paid?.ok ? paid.id : '']);
    expect(read.ok && read.value.records[0]?.record).toEqual(paid?.ok ? paid.record : null);
  });

  it('reads the ids again when HubSpot refuses a kept one, and keeps the new ones', async () => {
    const { portal, writer, kept } = await portalWithWriter({ 'invoices->contacts': 177 });
    await hs.control(`/_emulator/portals/${portal.portalId}/association-types`, {
      fromType: 'invoices',
      toType: 'contacts',
      typeId: 9177,
      inverseTypeId: 9178,
    });
    const contactId = await createdId(writer, create('customer', 'q-c3', aCustomer()));
    const routes = await routesCalled(portal.portalId, () =>
      createdId(writer, create('invoice', 'q-i3', anInvoice({ customerId: contactId }))),
    );
    expect(routes.slice(0, 3)).toEqual([
      'POST /crm/v3/objects/:objectType/batch/create 400',
      'GET /crm/v4/associations/:fromType/:toType/labels 200',
      'POST /crm/v3/objects/:objectType/batch/create 201',
    ]);
    expect(kept.ids['invoices->contacts']).toBe(9177);
  });

  it('a replayed create finds the record the first attempt made and links it once', async () => {
    const { writer, reader } = await portalWithWriter();
    const contactId = await createdId(writer, create('customer', 'q-c4', aCustomer()));
    const command = create('invoice', 'q-i4', anInvoice({ customerId: contactId }));
    const first = await createdId(writer, command);
    const [again] = await writer.writeBatch([command]);
    expect(again?.ok && again.id).toBe(first);
    const read = await reader.readByIds('invoice', [first]);
    expect(read.ok && read.value.records[0]?.record).toMatchObject({
      customerId: contactId,
      lines: [expect.anything()],
    });
  });

  it('takes an updated invoice from the update answer, lines and all, and the echo read equals it', async () => {
    const { portal, writer, reader } = await portalWithWriter();
    const contactId = await createdId(writer, create('customer', 'q-c5', aCustomer()));
    const [created] = await writer.writeBatch([
      create('invoice', 'q-i5', anInvoice({ customerId: contactId })),
    ]);
    if (!created?.ok) throw new Error('invoice create failed');
    const before = created.record as ReturnType<typeof anInvoice>;
    const update = (changes: Partial<typeof before>, version: string, key: string): WriteCommand => ({
      kind: 'update',
      object: 'invoice',
      idempotencyKey: key,
      id: created.id,
      expectedVersion: version,
      changes,
      record: { ...before, ...changes },
    });
    let results: Awaited<ReturnType<typeof writer.writeBatch>> = [];
    const headerOnly = await routesCalled(portal.portalId, async () => {
      results = await writer.writeBatch([update({ comments: 'Due on receipt' }, created.version, 'u1')]);
    });
    // The version check and the write: nothing is read back.
    expect(headerOnly).toEqual([
      'POST /crm/v3/objects/:objectType/batch/read 200',
      'POST /crm/v3/objects/:objectType/batch/update 200',
    ]);
    const first = results[0];
    if (!first?.ok) throw new Error('update failed');
    const echo = await reader.readByIds('invoice', [created.id]);
    if (!echo.ok) throw new Error('read failed');
    expect(echo.value.records[0]?.record).toEqual(first.record);
    expect(echo.value.records[0]?.version).toBe(first.version);

    const [line] = before.lines;
    if (!line) throw new Error('the sample invoice has a line');
    const lines = [line, { ...line, description: 'Training', quantity: '4', amount: '0.40' }];
    const relined = await routesCalled(portal.portalId, async () => {
      results = await writer.writeBatch([update({ lines }, first.version, 'u2')]);
    });
    expect(relined.filter((r) => r.includes('batch/read'))).toEqual([
      'POST /crm/v3/objects/:objectType/batch/read 200',
      // The lines it replaces (to archive the surplus).
      'POST /crm/v4/associations/:fromType/:toType/batch/read 200',
    ]);
    const second = results[0];
    if (!second?.ok) throw new Error('update failed');
    expect(second.record).toMatchObject({
      total: '0.70',
      balance: '0.70',
      lines: [expect.anything(), expect.anything()],
    });
    const again = await reader.readByIds('invoice', [created.id]);
    if (!again.ok) throw new Error('read failed');
    expect(again.value.records[0]?.record).toEqual(second.record);
    expect(again.value.records[0]?.version).toBe(second.version);
  });

  it('reads one invoice with its line and contact ids in one call, a missing one as missing, many in batches', async () => {
    const { portal, writer, reader } = await portalWithWriter();
    const contactId = await createdId(writer, create('customer', 'q-c6', aCustomer()));
    const written = await writer.writeBatch(
      ['q-i6', 'q-i7', 'q-i8'].map((key) => create('invoice', key, anInvoice({ customerId: contactId }))),
    );
    const ids = written.map((w) => (w.ok ? w.id : ''));
    let one: Awaited<ReturnType<typeof reader.readByIds>> | null = null;
    const single = await routesCalled(portal.portalId, async () => {
      one = await reader.readByIds('invoice', [ids[0] ?? '', '999999999']);
    });
    expect(single.filter((r) => !r.includes('/properties/'))).toEqual([
      'GET /crm/v3/objects/:objectType/:objectId 200',
      'GET /crm/v3/objects/:objectType/:objectId 404',
      // The lines' own properties.
      'POST /crm/v3/objects/:objectType/batch/read 200',
    ]);
    const first = written[0];
    expect(one).toEqual({
      ok: true,
      value: { records: [expect.objectContaining({ id: ids[0] })], missing: ['999999999'], invalid: [] },
    });
    expect(
      (one as unknown as { value: { records: { record: unknown }[] } }).value.records[0]?.record,
    ).toEqual(first?.ok ? first.record : null);
    const many = await routesCalled(portal.portalId, () => reader.readByIds('invoice', ids));
    expect(many.filter((r) => !r.includes('/properties/'))).toEqual([
      'POST /crm/v3/objects/:objectType/batch/read 200',
      'POST /crm/v4/associations/:fromType/:toType/batch/read 200',
      'POST /crm/v4/associations/:fromType/:toType/batch/read 200',
      'POST /crm/v3/objects/:objectType/batch/read 200',
    ]);
  });
});
