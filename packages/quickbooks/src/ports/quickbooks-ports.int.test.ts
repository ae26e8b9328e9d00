import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type CanonicalCustomer,
  type CanonicalInvoice,
  type CanonicalProduct,
  idempotencyKey,
  type WriteCommand,
} from '@ledgersync/sync-engine';
import type { QuickBooksClient } from '../api/qbo-client.ts';
import { staticAccessToken } from '../http/access-token-source.ts';
import { type EmulatorHarness, startEmulator } from '../testing/emulator-harness.ts';
import { incomeAccountId } from '../testing/qbo-fixtures.ts';
import { createCustomLineItemPort } from './custom-line-item.ts';
import { createQuickBooksCompanyPort } from './quickbooks-company-port.ts';
import { createQuickBooksSideReader } from './quickbooks-side-reader.ts';
import { createQuickBooksSideWriter } from './quickbooks-side-writer.ts';

let emu: EmulatorHarness;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => emu.close());

let n = 0;
const key = (id: string) => idempotencyKey('portal-1', 'invoice', 'hubspot', `${id}-${n++}`, 1);

const customer = (over: Partial<CanonicalCustomer> = {}): CanonicalCustomer => ({
  email: 'Ann.Lee@Example.com',
  firstName: 'Ann',
  lastName: 'Lee',
  companyName: 'Lee & Co',
  displayName: `Ann Lee ${n++}`,
  phone: null,
  currency: null,
  billingAddress: null,
  active: true,
  ...over,
});

const product = (incomeAccountId: string): CanonicalProduct => ({
  name: `Consulting hour ${n++}`,
  sku: `SKU-${n++}`,
  description: 'An hour',
  unitPrice: '0.10',
  active: true,
  incomeAccountId,
});

function invoice(customerId: string, productId: string): CanonicalInvoice {
  return {
    number: null,
    issueDate: '2026-03-02',
    dueDate: '2026-04-01',
    currency: 'USD',
    customerId,
    status: 'open',
    source: 'hubspot',
    comments: "Thanks, O'Brien",
    lines: [
      {
        productId,
        description: 'Three dimes',
        quantity: '3',
        unitPrice: '0.10',
        discount: null,
        serviceDate: null,
        amount: '0.30',
        taxCodeId: null,
      },
      {
        productId: null,
        description: 'Setup',
        quantity: '2',
        unitPrice: '50',
        discount: { kind: 'percent', value: '10' },
        serviceDate: null,
        amount: '90.00',
        taxCodeId: null,
      },
    ],
    total: '90.30',
    balance: '90.30',
    customFields: {},
  };
}

async function ports(qbo: QuickBooksClient) {
  const accountId = await incomeAccountId(qbo);
  return {
    accountId,
    reader: createQuickBooksSideReader(qbo),
    writer: createQuickBooksSideWriter(qbo, { customLineItemIncomeAccountId: accountId }),
  };
}

async function createOne<C extends WriteCommand>(
  writer: ReturnType<typeof createQuickBooksSideWriter>,
  command: C,
) {
  const [result] = await writer.writeBatch([command]);
  if (!result?.ok) throw new Error(`write failed: ${JSON.stringify(result)}`);
  return result;
}

describe('QuickBooks ports against the emulator', () => {
  it('writes a lone command to its entity endpoint, not a batch (QBO allows 40 batches a minute), and two in one batch', async () => {
    const qbo = await emu.newClient();
    const { writer } = await ports(qbo);
    const routes = async (during: () => Promise<unknown>) => {
      await emu.control('/_emulator/requests', undefined, 'DELETE');
      await during();
      const { counts } = await emu.control<{ counts: Record<string, number> }>('/_emulator/requests/counts');
      return Object.keys(counts).filter((r) => r.startsWith('POST'));
    };
    const create = (): WriteCommand => ({
      kind: 'create',
      object: 'customer',
      idempotencyKey: key('c'),
      record: customer(),
      counterpartId: `h${n++}`,
    });
    let written: Awaited<ReturnType<typeof createOne>> | null = null;
    expect(
      await routes(async () => {
        written = await createOne(writer, create());
      }),
    ).toEqual(['POST /v3/company/:realmId/customer']);
    expect(await routes(() => writer.writeBatch([create(), create()]))).toEqual([
      'POST /v3/company/:realmId/batch',
    ]);
    // A lone update against a version someone else has replaced fails as stale, as in a batch.
    const first = written as unknown as { id: string; version: string; record: CanonicalCustomer };
    const update = (phone: string): WriteCommand => ({
      kind: 'update',
      object: 'customer',
      idempotencyKey: key('u'),
      id: first.id,
      expectedVersion: first.version,
      changes: { phone },
      record: { ...first.record, phone },
    });
    expect((await writer.writeBatch([update('555-0100')]))[0]).toMatchObject({ ok: true });
    expect((await writer.writeBatch([update('555-0101')]))[0]).toMatchObject({
      ok: false,
      error: { code: 'stale_version' },
    });
  });

  it('writes customer, product and invoice, and reads them back equal, to the cent', async () => {
    const qbo = await emu.newClient();
    const { reader, writer, accountId } = await ports(qbo);
    const c = await createOne(writer, {
      kind: 'create',
      object: 'customer',
      idempotencyKey: key('c'),
      record: customer(),
      counterpartId: 'h1',
    });
    const p = await createOne(writer, {
      kind: 'create',
      object: 'product',
      idempotencyKey: key('p'),
      record: product(accountId),
      counterpartId: 'h2',
    });
    const i = await createOne(writer, {
      kind: 'create',
      object: 'invoice',
      idempotencyKey: key('i'),
      record: invoice(c.id, p.id),
      counterpartId: 'h3',
    });
    const written = i.record as CanonicalInvoice;
    expect(written.total).toBe('90.30');
    expect(written.status).toBe('open');
    expect(written.source).toBe('quickbooks');
    // The discounted line keeps its quantity and unit price; its discount reads back on it (R-OBJ-3).
    expect(written.lines.map((l) => [l.quantity, l.unitPrice, l.discount, l.amount])).toEqual([
      ['3', '0.1', null, '0.30'],
      ['2', '50', { kind: 'percent', value: '10' }, '90.00'],
    ]);
    expect(written.lines[1]?.description).toBe('Setup');
    expect(written.comments).toBe("Thanks, O'Brien");

    const read = await reader.readByIds('invoice', [i.id, '999999']);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.missing).toEqual(['999999']);
    expect(read.value.records[0]?.record).toEqual(written);
    expect(read.value.records[0]?.version).toBe(i.version);
  });

  it('puts product-less lines on one "Custom Line Item" item, created once', async () => {
    const qbo = await emu.newClient();
    const accountId = await incomeAccountId(qbo);
    const port = createCustomLineItemPort(qbo);
    const a = await port.ensureCustomLineItem(accountId);
    const b = await port.ensureCustomLineItem(accountId);
    expect(a.ok && b.ok && a.itemId === b.itemId).toBe(true);
  });

  it('finds customers by email whatever the case, and products by SKU', async () => {
    const qbo = await emu.newClient();
    const { reader, writer, accountId } = await ports(qbo);
    const c = await createOne(writer, {
      kind: 'create',
      object: 'customer',
      idempotencyKey: key('c'),
      record: customer({ email: 'ann.lee@example.com' }),
      counterpartId: 'h',
    });
    const prod = product(accountId);
    const p = await createOne(writer, {
      kind: 'create',
      object: 'product',
      idempotencyKey: key('p'),
      record: prod,
      counterpartId: 'h',
    });
    const found = await reader.findByNaturalKeys([
      { object: 'customer', field: 'email', value: ' ann.lee@example.com ' },
      { object: 'product', field: 'sku', value: prod.sku ?? '' },
      { object: 'product', field: 'sku', value: "nope' OR Sku > '" },
    ]);
    expect(found.ok).toBe(true);
    if (!found.ok) return;
    expect(found.value.map((r) => [r.object, r.id])).toEqual([
      ['customer', c.id],
      ['product', p.id],
    ]);
    // R-FLT-5: an item's Type comes along for product rule filters, outside the canonical record.
    expect(found.value[1]?.filterValues).toEqual({ type: 'Service' });
  });

  it('a stale SyncToken fails as stale_version (retryable) and overwrites nothing: the runner re-merges against the fresh record', async () => {
    const qbo = await emu.newClient();
    const { writer } = await ports(qbo);
    const c = await createOne(writer, {
      kind: 'create',
      object: 'customer',
      idempotencyKey: key('c'),
      record: customer(),
      counterpartId: 'h',
    });
    await qbo.sparseUpdate(
      'Customer',
      { Id: c.id, SyncToken: c.version, Notes: 'edited in QBO' },
      'someone-else',
    );
    const record = { ...(c.record as CanonicalCustomer), phone: '+1 555 0100' };
    const [result] = await writer.writeBatch([
      {
        kind: 'update',
        object: 'customer',
        idempotencyKey: key('u'),
        id: c.id,
        expectedVersion: c.version,
        changes: { phone: '+1 555 0100' },
        record,
      },
    ]);
    expect(result).toMatchObject({ ok: false, error: { code: 'stale_version', retryable: true } });
    const latest = await qbo.read('Customer', c.id);
    expect(latest.Notes).toBe('edited in QBO');
    expect(latest.PrimaryPhone?.FreeFormNumber ?? '').not.toBe('+1 555 0100');
  });

  it('reports QBO refusals as catalogue errors, one result per command, in order', async () => {
    const qbo = await emu.newClient();
    const { writer } = await ports(qbo);
    const first = customer();
    const results = await writer.writeBatch([
      { kind: 'create', object: 'customer', idempotencyKey: key('a'), record: first, counterpartId: 'h' },
      {
        kind: 'create',
        object: 'invoice',
        idempotencyKey: key('b'),
        record: invoice('424242', '1'),
        counterpartId: 'h',
      },
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, false]);
    const [again] = await writer.writeBatch([
      {
        kind: 'create',
        object: 'customer',
        idempotencyKey: key('c'),
        record: { ...first },
        counterpartId: 'h',
      },
    ]);
    expect(again?.ok === false && again.error.code).toBe('duplicate_display_name');
  });

  it('refuses writes in a closed period with closed_period', async () => {
    const realmId = await emu.newRealm({
      preferences: { AccountingInfoPrefs: { BookCloseDate: '2026-12-31' } },
    });
    const qbo = await emu.newClient({ realmId });
    const { writer, accountId } = await ports(qbo);
    const c = await createOne(writer, {
      kind: 'create',
      object: 'customer',
      idempotencyKey: key('c'),
      record: customer(),
      counterpartId: 'h',
    });
    const p = await createOne(writer, {
      kind: 'create',
      object: 'product',
      idempotencyKey: key('p'),
      record: product(accountId),
      counterpartId: 'h',
    });
    const [result] = await writer.writeBatch([
      {
        kind: 'create',
        object: 'invoice',
        idempotencyKey: key('i'),
        record: invoice(c.id, p.id),
        counterpartId: 'h',
      },
    ]);
    expect(result?.ok === false && result.error.code).toBe('closed_period');
    const profile = await createQuickBooksCompanyPort(qbo).readCompanyProfile();
    expect(profile.ok && profile.value.bookCloseDate).toBe('2026-12-31');
  });

  it('voids an invoice and reads changes since a time', async () => {
    const qbo = await emu.newClient();
    const { reader, writer, accountId } = await ports(qbo);
    const { now } = await emu.control<{ now: string }>('/_emulator/clock');
    await emu.control('/_emulator/clock/advance', { ms: 1000 });
    const c = await createOne(writer, {
      kind: 'create',
      object: 'customer',
      idempotencyKey: key('c'),
      record: customer(),
      counterpartId: 'h',
    });
    const p = await createOne(writer, {
      kind: 'create',
      object: 'product',
      idempotencyKey: key('p'),
      record: product(accountId),
      counterpartId: 'h',
    });
    const i = await createOne(writer, {
      kind: 'create',
      object: 'invoice',
      idempotencyKey: key('i'),
      record: invoice(c.id, p.id),
      counterpartId: 'h',
    });
    const v = await createOne(writer, {
      kind: 'void',
      object: 'invoice',
      idempotencyKey: key('v'),
      id: i.id,
      expectedVersion: i.version,
    });
    expect((v.record as CanonicalInvoice).status).toBe('voided');
    expect((v.record as CanonicalInvoice).total).toBe('0.00');
    const page = await reader.readChangedSince('invoice', now);
    expect(page.ok).toBe(true);
    if (!page.ok) return;
    expect(page.value.records.map((r) => r.id)).toContain(i.id);
    expect(page.value.nextPageToken).toBeNull();
    expect(Date.parse(page.value.cursor)).toBeGreaterThan(Date.parse(now));
  });
  it('reads inactive customers by id (QBO hides them from plain queries)', async () => {
    const qbo = await emu.newClient();
    const { reader, writer } = await ports(qbo);
    const c = await createOne(writer, {
      kind: 'create',
      object: 'customer',
      idempotencyKey: key('c'),
      record: customer(),
      counterpartId: 'h',
    });
    await qbo.sparseUpdate('Customer', { Id: c.id, SyncToken: c.version, Active: false }, 'deactivate-1');
    const read = await reader.readByIds('customer', [c.id]);
    expect(read.ok && read.value.records.map((r) => [r.id, (r.record as CanonicalCustomer).active])).toEqual([
      [c.id, false],
    ]);
  });
  it('pages through a query instead of CDC when the cursor is older than 30 days', async () => {
    const qbo = await emu.newClient();
    const { writer } = await ports(qbo);
    const c = await createOne(writer, {
      kind: 'create',
      object: 'customer',
      idempotencyKey: key('c'),
      record: customer(),
      counterpartId: 'h',
    });
    await emu.control('/_emulator/clock/advance', { ms: 31 * 24 * 3600_000 });
    const { now } = await emu.control<{ now: string }>('/_emulator/clock');
    const since = new Date(Date.parse(now) - 40 * 24 * 3600_000).toISOString();
    const { access_token } = await emu.issueTokens(qbo.realmId); // the old one expired with the jump
    const later = await emu.newClient({ realmId: qbo.realmId, tokens: staticAccessToken(access_token) });
    const reader = createQuickBooksSideReader(later, { now: () => new Date(now) });
    await emu.control('/_emulator/requests', undefined, 'DELETE');
    const page = await reader.readChangedSince('customer', since);
    expect(page.ok).toBe(true);
    if (!page.ok) return;
    expect(page.value.records.map((r) => r.id)).toContain(c.id);
    expect(page.value.nextPageToken).toBeNull();
    expect(Date.parse(page.value.cursor)).toBeGreaterThan(Date.parse(since));
    const { requests } = await emu.control<{ requests: Array<{ url: string }> }>('/_emulator/requests');
    expect(requests.some((r) => r.url.includes('/cdc'))).toBe(false);
  });
  it('without a Custom Line Item account only the invoices that need it fail, with the catalogue code', async () => {
    const qbo = await emu.newClient();
    const { writer: full, accountId } = await ports(qbo);
    const c = await createOne(full, {
      kind: 'create',
      object: 'customer',
      idempotencyKey: key('c'),
      record: customer(),
      counterpartId: 'h',
    });
    const p = await createOne(full, {
      kind: 'create',
      object: 'product',
      idempotencyKey: key('p'),
      record: product(accountId),
      counterpartId: 'h',
    });
    const writer = createQuickBooksSideWriter(qbo);
    const withProductOnly = {
      ...invoice(c.id, p.id),
      lines: invoice(c.id, p.id).lines.slice(0, 1),
      total: '0.30',
      balance: '0.30',
    };
    const results = await writer.writeBatch([
      {
        kind: 'create',
        object: 'invoice',
        idempotencyKey: key('i1'),
        record: invoice(c.id, p.id),
        counterpartId: 'h1',
      },
      {
        kind: 'create',
        object: 'invoice',
        idempotencyKey: key('i2'),
        record: withProductOnly,
        counterpartId: 'h2',
      },
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'custom_line_item_account_missing',
      'ok',
    ]);
  });
});
