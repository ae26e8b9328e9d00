import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type EmulatorHarness, startEmulator } from '../testing/emulator-harness.ts';
import { findDisplayNameHolders } from './find-display-name-holders.ts';
import { createQuickBooksSideReader } from './quickbooks-side-reader.ts';

let emu: EmulatorHarness;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => emu.close());

type Seeded = Record<'Customer' | 'Vendor' | 'Employee', Array<{ Id: string; DisplayName: string }>>;

async function seedInactiveHolders() {
  const qbo = await emu.newClient();
  const seeded = await emu.control<Seeded>(`/_emulator/realms/${qbo.realmId}/seed`, {
    Customer: [{ DisplayName: 'Thrifty Meats', Active: false }],
    Vendor: [{ DisplayName: "O'Brien Supplies", Active: false }],
    Employee: [{ GivenName: 'Emily', FamilyName: 'Platt', Active: false }],
  });
  return { qbo, seeded };
}

describe('display names held by inactive customers, vendors and employees (R-ERR-2)', () => {
  it('finds holders QBO renamed "<name> (deleted)" and reports the name they still hold', async () => {
    const { qbo, seeded } = await seedInactiveHolders();
    // QBO's own rename: the stored name carries the suffix.
    expect(seeded.Customer[0]?.DisplayName).toBe('Thrifty Meats (deleted)');
    const found = await findDisplayNameHolders(qbo, [
      'Thrifty Meats',
      "O'Brien Supplies",
      'Emily Platt',
      'Nobody',
    ]);
    expect(
      found
        .map((r) => [r.id, r.record.displayName, r.record.active])
        .sort((a, b) => `${a[0]}`.localeCompare(`${b[0]}`)),
    ).toEqual(
      [
        [seeded.Customer[0]?.Id, 'Thrifty Meats', false],
        [`vendor:${seeded.Vendor[0]?.Id}`, "O'Brien Supplies", false],
        [`employee:${seeded.Employee[0]?.Id}`, 'Emily Platt', false],
      ].sort((a, b) => `${a[0]}`.localeCompare(`${b[0]}`)),
    );
  });

  it('the reader reports them, so the engine never proposes a name QBO will refuse', async () => {
    const { qbo } = await seedInactiveHolders();
    const found = await createQuickBooksSideReader(qbo).findByNaturalKeys([
      { object: 'customer', field: 'displayName', value: 'Thrifty Meats' },
      { object: 'customer', field: 'displayName', value: "O'Brien Supplies" },
      { object: 'customer', field: 'displayName', value: 'Emily Platt' },
    ]);
    if (!found.ok) throw new Error(found.error.message);
    const names = found.value.map((r) => (r.record as { displayName: string | null }).displayName).sort();
    expect(names).toEqual(['Emily Platt', "O'Brien Supplies", 'Thrifty Meats']);
    // And QBO does refuse it: the name is taken although its holder is inactive.
    const created = await qbo.create('Customer', { DisplayName: 'Thrifty Meats' }, 'dup-name-1').then(
      () => 'created',
      (e: unknown) => (e as { code?: string }).code,
    );
    expect(created).toBe('DuplicateName');
  });
});
