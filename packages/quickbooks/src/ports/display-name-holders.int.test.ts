import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type EmulatorHarness, startEmulator } from '../testing/emulator-harness.ts';
import { createQuickBooksSideReader } from './quickbooks-side-reader.ts';

let emu: EmulatorHarness;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => emu.close());

describe('display names held by vendors (R-ERR-2)', () => {
  it('reports a vendor holding the name as an inactive customer', async () => {
    const qbo = await emu.newClient();
    const vendor = await emu.control<{ Vendor?: Array<{ Id: string }> }>(
      `/_emulator/realms/${qbo.realmId}/seed`,
      {
        Vendor: [{ DisplayName: 'Acme Supplies' }],
      },
    );
    expect(vendor.Vendor?.length).toBe(1);
    const found = await createQuickBooksSideReader(qbo).findByNaturalKeys([
      { object: 'customer', field: 'displayName', value: 'Acme Supplies' },
    ]);
    expect(found.ok && found.value.map((r) => [r.object, (r.record as { active: boolean }).active])).toEqual([
      ['customer', false],
    ]);
  });

  it('reports an employee holding the name, with an id that cannot collide with a customer id', async () => {
    const qbo = await emu.newClient();
    const seeded = await emu.control<{ Customer?: Array<{ Id: string }>; Employee?: Array<{ Id: string }> }>(
      `/_emulator/realms/${qbo.realmId}/seed`,
      { Customer: [{ DisplayName: 'Someone Else' }], Employee: [{ GivenName: 'Dana', FamilyName: 'Reyes' }] },
    );
    expect(seeded.Customer?.[0]?.Id).toBe(seeded.Employee?.[0]?.Id);
    const found = await createQuickBooksSideReader(qbo).findByNaturalKeys([
      { object: 'customer', field: 'displayName', value: 'Dana Reyes' },
    ]);
    expect(found.ok && found.value.map((r) => [r.id, (r.record as { active: boolean }).active])).toEqual([
      [`employee:${seeded.Employee?.[0]?.Id}`, false],
    ]);
  });
});
