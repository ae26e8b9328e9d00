import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { isQboError, QboError } from '../errors/qbo-error.ts';
import { QboQuery } from '../query/query-builder.ts';
import { type EmulatorHarness, startEmulator } from '../testing/emulator-harness.ts';
import { invoiceBody, makeCustomer, makeItem } from '../testing/qbo-fixtures.ts';

let emu: EmulatorHarness;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => emu.close());

interface LoggedRequest {
  method: string;
  url: string;
  status: number;
}
async function requestLog(): Promise<LoggedRequest[]> {
  return (await emu.control<{ requests: LoggedRequest[] }>('/_emulator/requests')).requests;
}

async function setup() {
  const qbo = await emu.newClient();
  const [item, customer] = await Promise.all([makeItem(qbo), makeCustomer(qbo)]);
  return { qbo, item, customer };
}

describe('entity operations against the QBO emulator', () => {
  it('creates, reads, sparse-updates, voids and deletes an invoice with exact amounts', async () => {
    const { qbo, item, customer } = await setup();
    const created = await qbo.create(
      'Invoice',
      invoiceBody(customer.Id, item.Id, '3', '0.10', '0.30'),
      'req-inv-create-1',
    );
    expect(created.SyncToken).toBe('0');
    expect(created.TotalAmt).toMatch(/^0\.30?$/);

    const read = await qbo.read('Invoice', created.Id);
    expect(read.Id).toBe(created.Id);

    const updated = await qbo.sparseUpdate(
      'Invoice',
      { Id: read.Id, SyncToken: read.SyncToken, PrivateNote: "O'Brien's note" },
      'req-inv-update-1',
    );
    expect(updated.PrivateNote).toBe("O'Brien's note");
    expect(Number(updated.SyncToken)).toBeGreaterThan(Number(read.SyncToken));

    const voided = await qbo.voidInvoice({ Id: updated.Id, SyncToken: updated.SyncToken }, 'req-inv-void-1');
    expect(Number(voided.TotalAmt)).toBe(0);

    const gone = await qbo.delete(
      'Invoice',
      { Id: voided.Id, SyncToken: voided.SyncToken },
      'req-inv-delete-1',
    );
    expect(gone.status).toBe('Deleted');
    await expect(qbo.read('Invoice', created.Id)).rejects.toMatchObject({ code: 'ObjectNotFound' });
  });

  it('sends minorversion=75 on every call and the requestid on every write', async () => {
    const { qbo, customer } = await setup();
    await qbo.read('Customer', customer.Id);
    const log = await requestLog();
    expect(log.length).toBeGreaterThan(0);
    const api = log.filter((r) => r.url.startsWith('/v3/company/'));
    expect(api.length).toBeGreaterThan(3);
    for (const r of api) expect(r.url).toContain('minorversion=75');
    const writes = api.filter((r) => r.method === 'POST');
    expect(writes.length).toBeGreaterThan(1);
    for (const w of writes) expect(w.url).toMatch(/[?&]requestid=[^&]+/);
  });

  it('a repeated requestid returns the original result instead of a second invoice', async () => {
    const { qbo, item, customer } = await setup();
    const body = invoiceBody(customer.Id, item.Id, '1', '5', '5');
    const first = await qbo.create('Invoice', body, 'same-key-123');
    const again = await qbo.create('Invoice', body, 'same-key-123');
    expect(again.Id).toBe(first.Id);
    const count = await qbo.count(QboQuery.count('Invoice').where('CustomerRef', '=', customer.Id));
    expect(count).toBe(1);
  });

  it('turns Faults into typed errors with the original message', async () => {
    const { qbo, customer } = await setup();
    const dup = await qbo
      .create('Customer', { DisplayName: customer.DisplayName }, 'dup-name-1')
      .catch((e: unknown) => e);
    expect(isQboError(dup, 'DuplicateName')).toBe(true);
    expect((dup as QboError).message).toMatch(/Duplicate Name/i);

    const stale = await qbo
      .sparseUpdate('Customer', { Id: customer.Id, SyncToken: '99', GivenName: 'X' }, 'stale-1')
      .catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(QboError);
    expect((stale as QboError).code).toBe('StaleObject');
  });

  it('StaleObject on an update re-reads and re-applies once', async () => {
    const { qbo, customer } = await setup();
    // someone else edits first: our SyncToken "0" is now stale
    await qbo.sparseUpdate(
      'Customer',
      { Id: customer.Id, SyncToken: customer.SyncToken, Notes: 'theirs' },
      'other-1',
    );
    let calls = 0;
    const result = await qbo.updateWithStaleRetry(
      'Customer',
      customer,
      (latest) => {
        calls += 1;
        return { GivenName: latest ? 'Re-applied' : 'First try' };
      },
      'ours-1',
    );
    expect(calls).toBe(2);
    expect(result.GivenName).toBe('Re-applied');
    expect(result.Notes).toBe('theirs');
  });

  it('reads Preferences and CompanyInfo', async () => {
    const qbo = await emu.newClient();
    const prefs = await qbo.preferences();
    expect(prefs.CurrencyPrefs?.HomeCurrency?.value).toMatch(/^[A-Z]{3}$/);
    const info = await qbo.companyInfo();
    expect(info.Country).toBeTruthy();
  });
  it('full update clears what it does not send; Account and TaxCode are readable', async () => {
    const { qbo, customer } = await setup();
    const withNotes = await qbo.sparseUpdate(
      'Customer',
      { Id: customer.Id, SyncToken: customer.SyncToken, Notes: 'to be cleared', GivenName: 'Ann' },
      'full-1',
    );
    const full = await qbo.update(
      'Customer',
      {
        Id: withNotes.Id,
        SyncToken: withNotes.SyncToken,
        DisplayName: withNotes.DisplayName,
        GivenName: 'Anna',
      },
      'full-2',
    );
    expect(full.GivenName).toBe('Anna');
    expect(full.Notes).toBeUndefined();

    const account = (await qbo.queryPage(QboQuery.select('Account'), 1, 5)).entities[0];
    expect(account).toBeDefined();
    if (account) expect((await qbo.read('Account', account.Id)).Name).toBe(account.Name);
    const taxCodes = await qbo.queryPage(QboQuery.select('TaxCode'), 1, 50);
    for (const code of taxCodes.entities) expect(code.Name).toBeTruthy();
  });
});
