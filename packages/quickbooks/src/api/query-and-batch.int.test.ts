import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { QboQuery } from '../query/query-builder.ts';
import { type EmulatorHarness, startEmulator } from '../testing/emulator-harness.ts';
import { makeInvoice } from '../testing/qbo-fixtures.ts';

let emu: EmulatorHarness;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => emu.close());

// Names QBO accepts (no colon) that stress the quoting: quotes, backslashes, %, parentheses.
const trickyName = fc
  .string({
    unit: fc.constantFrom("'", '\\', '%', '"', ' ', 'a', 'b', ')', '(', ',', '=', '-'),
    minLength: 1,
    maxLength: 12,
  })
  .map((s) => `N${s}`.trim());

describe('queries against the emulator', () => {
  it('an escaped value finds exactly its own record, never more (fuzz)', async () => {
    const qbo = await emu.newClient();
    const anchor = await qbo.create(
      'Customer',
      { DisplayName: 'Nab', PrimaryEmailAddr: { Address: 'nab@x.com' } },
      'anchor',
    );
    await fc.assert(
      fc.asyncProperty(trickyName, async (name) => {
        const existing = await qbo.queryPage(
          QboQuery.select('Customer').where('DisplayName', '=', name),
          1,
          10,
        );
        if (existing.returned === 0) {
          await qbo.create(
            'Customer',
            { DisplayName: name },
            `c${Buffer.from(name).toString('hex')}`.slice(0, 50),
          );
        }
        const found = await qbo.queryPage(QboQuery.select('Customer').where('DisplayName', '=', name), 1, 10);
        expect(found.entities.map((c) => c.DisplayName)).toEqual([name]);
        const like = await qbo.queryPage(
          QboQuery.select('Customer').whereStartsWith('DisplayName', name),
          1,
          1000,
        );
        expect(like.entities.every((c) => c.DisplayName?.startsWith(name))).toBe(true);
      }),
      { numRuns: 25 },
    );
    const byEmail = await qbo.queryPage(
      QboQuery.select('Customer').where('PrimaryEmailAddr', '=', "o'brien@x.com' OR DisplayName = 'Nab"),
      1,
      10,
    );
    expect(byEmail.entities).toEqual([]);
    expect(anchor.Id).toBeTruthy();
  });

  it('an apostrophe in an email is found by an exact lookup', async () => {
    const qbo = await emu.newClient();
    await qbo.create(
      'Customer',
      { DisplayName: 'Brian', PrimaryEmailAddr: { Address: "o'brien@x.com" } },
      'obrien',
    );
    const found = await qbo.queryPage(
      QboQuery.select('Customer').where('PrimaryEmailAddr', '=', "o'brien@x.com"),
      1,
      10,
    );
    expect(found.entities.map((c) => c.DisplayName)).toEqual(['Brian']);
  });

  it('iterates every page in order until a short page', async () => {
    const qbo = await emu.newClient();
    const names = Array.from({ length: 23 }, (_, i) => `Paged ${String(i).padStart(2, '0')}`);
    const results = await qbo.batch(
      names.map((n, i) => ({
        key: `paged-${i}`,
        op: { kind: 'create', entity: 'Customer', body: { DisplayName: n } },
      })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const seen: string[] = [];
    for await (const c of qbo.queryAll(
      QboQuery.select('Customer').whereStartsWith('DisplayName', 'Paged ').orderBy('DisplayName'),
      5,
    )) {
      seen.push(c.DisplayName ?? '');
    }
    expect(seen).toEqual(names);
  });
});

describe('batch against the emulator', () => {
  it('splits into chunks of 30 and maps each result (or Fault) back to its input', async () => {
    const qbo = await emu.newClient();
    await emu.control('/_emulator/requests', undefined, 'DELETE');
    const ops = Array.from({ length: 65 }, (_, i) => ({
      key: `bulk-${i}`,
      op: {
        kind: 'create' as const,
        entity: 'Customer' as const,
        body: { DisplayName: i === 40 ? 'Bulk 7' : `Bulk ${i}` },
      },
    }));
    const results = await qbo.batch(ops);
    expect(results).toHaveLength(65);
    results.forEach((r, i) => {
      if (i === 40) {
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.code).toBe('DuplicateName');
      } else {
        expect(r.ok).toBe(true);
        if (r.ok) expect((r.entity as { DisplayName?: string }).DisplayName).toBe(`Bulk ${i}`);
      }
    });
    const { counts } = await emu.control<{ counts: Record<string, number> }>('/_emulator/requests/counts');
    expect(counts['POST /v3/company/:realmId/batch']).toBe(3);
  });

  it('resending the same chunk replays instead of creating twice', async () => {
    const qbo = await emu.newClient();
    const ops = [
      {
        key: 'once-1',
        op: { kind: 'create' as const, entity: 'Customer' as const, body: { DisplayName: 'Once' } },
      },
    ];
    const [a] = await qbo.batch(ops);
    const [b] = await qbo.batch(ops);
    expect(a?.ok && b?.ok).toBe(true);
    if (a?.ok && b?.ok) expect((b.entity as { Id: string }).Id).toBe((a.entity as { Id: string }).Id);
    expect(await qbo.count(QboQuery.count('Customer').where('DisplayName', '=', 'Once'))).toBe(1);
  });
});

describe('batch deletes and voids', () => {
  it('deletes one invoice and voids another in one batch, each result mapped back', async () => {
    const qbo = await emu.newClient();
    const a = (await makeInvoice(qbo)).invoice;
    const b = (await makeInvoice(qbo)).invoice;
    const [deleted, voided] = await qbo.batch([
      { key: 'del-a', op: { kind: 'delete', entity: 'Invoice', ref: a } },
      { key: 'void-b', op: { kind: 'void', entity: 'Invoice', ref: b } },
    ]);
    expect(deleted?.ok && deleted.entity).toMatchObject({ Id: a.Id, status: 'Deleted' });
    expect(voided?.ok && Number((voided.entity as { TotalAmt?: string }).TotalAmt)).toBe(0);
    await expect(qbo.read('Invoice', a.Id)).rejects.toMatchObject({ code: 'ObjectNotFound' });
  });
});

describe('change data capture against the emulator', () => {
  it('returns records changed since a time, including deletes', async () => {
    const qbo = await emu.newClient();
    const { now } = await emu.control<{ now: string }>('/_emulator/clock');
    await emu.control('/_emulator/clock/advance', { ms: 1000 });
    const customer = await qbo.create('Customer', { DisplayName: 'Changed' }, 'cdc-c');
    const { invoice } = await makeInvoice(qbo);
    await qbo.delete('Invoice', invoice, 'cdc-del');
    const changes = await qbo.changedSince(['Customer', 'Invoice', 'Payment'], now);
    const seen = changes.map((c) => [c.entity, c.id, c.deleted]);
    expect(seen).toContainEqual(['Customer', customer.Id, false]);
    expect(seen).toContainEqual(['Invoice', invoice.Id, true]);
    expect(changes.find((c) => c.id === customer.Id)?.record?.DisplayName).toBe('Changed');
    expect(changes.some((c) => c.entity === 'Payment')).toBe(false);
  });
});
