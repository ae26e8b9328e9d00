import { describe, expect, it } from '@jest/globals';
import { customer, settings, sideRecord } from '../testing/factories.ts';
import { SyncWorld } from '../testing/sync-world.ts';
import { baseDisplayName, chooseDisplayName } from './display-name.ts';
import { matchCustomerByEmail, matchProductBySku } from './match-by-natural-key.ts';
import { naturalKeysFor } from './natural-keys-for.ts';

describe('matching', () => {
  it('R-OBJ-2: email matching trims and ignores case, and skips records linked elsewhere or inactive', () => {
    const src = sideRecord('hubspot', 'customer', 'h', customer({ email: '  ADA@example.COM' }));
    const a = sideRecord('quickbooks', 'customer', 'a', customer({ email: 'ada@example.com' }));
    const b = sideRecord(
      'quickbooks',
      'customer',
      'b',
      customer({ email: 'ada@example.com', active: false }),
    );
    expect(matchCustomerByEmail(src, [a, b], () => false)).toEqual({ kind: 'one', match: a });
    expect(matchCustomerByEmail(src, [a], () => true)).toEqual({ kind: 'none' });
    expect(naturalKeysFor([src])).toContainEqual({
      object: 'customer',
      field: 'email',
      value: 'ada@example.com',
    });
  });

  it('R-OBJ-1: SKU matching is exact', () => {
    const p = (side: 'hubspot' | 'quickbooks', id: string, sku: string) =>
      sideRecord(side, 'product', id, {
        name: 'n',
        sku,
        description: null,
        unitPrice: null,
        active: true,
        incomeAccountId: null,
      });
    expect(
      matchProductBySku(
        p('hubspot', 'h', 'AB-1'),
        [p('quickbooks', 'x', 'ab-1'), p('quickbooks', 'y', 'AB-1 ')],
        () => false,
      ),
    ).toEqual({
      kind: 'none',
    });
    expect(
      matchProductBySku(p('hubspot', 'h', 'AB-1'), [p('quickbooks', 'z', 'AB-1')], () => false).kind,
    ).toBe('one');
  });

  it("R-OBJ-2: the display name is the company's name, else the person's name", () => {
    expect(baseDisplayName(customer())).toBe('Analytical Engines');
    expect(baseDisplayName(customer({ companyName: null }))).toBe('Ada Lovelace');
    expect(baseDisplayName(customer({ companyName: 'A:B' }))).toBe('A-B');
  });

  it("R-OBJ-2: a long name is kept whole instead of being cut silently; over QBO's 500 it fails by name", () => {
    const long = 'N'.repeat(150);
    expect(baseDisplayName(customer({ companyName: long }))).toBe(long);
    expect(chooseDisplayName(customer({ companyName: long }), new Set(), false)).toEqual({
      ok: true,
      displayName: long,
    });
    const tooLong = chooseDisplayName(customer({ companyName: 'N'.repeat(501) }), new Set(), true);
    expect(tooLong.ok === false && tooLong.error.code).toBe('invalid_field_value');
    expect(tooLong.ok === false && tooLong.error.message).toContain('501 characters');
  });

  it('R-ERR-2: a name QBO cannot hold is not looked up (one over-long query would fail the batch)', () => {
    const side = (id: string, companyName: string) =>
      sideRecord('hubspot', 'customer', id, customer({ companyName, email: `${id}@example.com` }));
    const keys = naturalKeysFor([side('a', 'Short Co'), side('b', 'N'.repeat(501))]);
    expect(keys.filter((k) => k.field === 'displayName').map((k) => k.value)).toEqual(['Short Co']);
    expect(keys.filter((k) => k.field === 'email')).toHaveLength(2);
  });

  it('R-ERR-2: a taken display name fails with duplicate_display_name by default', () => {
    const r = chooseDisplayName(customer(), new Set(['analytical engines']), false);
    expect(r.ok === false && r.error.code).toBe('duplicate_display_name');
  });

  it('R-ERR-2: with the LedgerSync option on, the duplicate is avoided as "Company (First Last)"', () => {
    const r = chooseDisplayName(customer(), new Set(['Analytical Engines']), true);
    expect(r.ok && r.displayName).toBe('Analytical Engines (Ada Lovelace)');
    const r2 = chooseDisplayName(
      customer(),
      new Set(['Analytical Engines', 'Analytical Engines (Ada Lovelace)']),
      true,
    );
    expect(r2.ok && r2.displayName).toBe('Analytical Engines (Ada Lovelace) 2');
  });

  it('R-ERR-2: the second contact of a company in one batch fails; the first gets the company name', () => {
    const w = new SyncWorld(settings());
    w.put(sideRecord('hubspot', 'customer', 'c1', customer()));
    w.put(
      sideRecord(
        'hubspot',
        'customer',
        'c2',
        customer({ email: 'charles@example.com', firstName: 'Charles', lastName: 'Babbage' }),
      ),
    );
    const [plan] = w.sync();
    const fail = plan?.actions.find((a) => a.kind === 'fail');
    expect(fail?.source.id).toBe('c2');
    expect(fail?.kind === 'fail' && fail.error.code).toBe('duplicate_display_name');
    const q1 = w.linkOf('customer', 'hubspot', 'c1')!.quickbooksId!;
    expect(w.get('customer', 'quickbooks', q1)?.displayName).toBe('Analytical Engines');
  });
});
