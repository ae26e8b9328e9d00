import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type EmulatorHarness, startEmulator } from '../testing/emulator-harness.ts';
import { createQuickBooksSideReader } from './quickbooks-side-reader.ts';

let emu: EmulatorHarness;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => emu.close());

const EPOCH = new Date(0).toISOString();
const COUNT = 1_005;

describe('reading every record, page by page (a first sync, R-CON-7)', () => {
  it('loses no record when one already read is updated between pages', async () => {
    const qbo = await emu.newClient();
    const { Customer: seeded = [] } = await emu.control<{ Customer?: { Id: string }[] }>(
      `/_emulator/realms/${qbo.realmId}/seed`,
      {
        Customer: Array.from({ length: COUNT }, (_, i) => ({
          DisplayName: `Walked customer ${i}`,
          PrimaryEmailAddr: { Address: `walked-${i}@example.com` },
        })),
      },
    );
    expect(seeded).toHaveLength(COUNT);
    const reader = createQuickBooksSideReader(qbo);
    const first = await reader.readChangedSince('customer', EPOCH);
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.records).toHaveLength(1_000);
    // A record of the first page changes before the second is read (a first-match write, a bookkeeper).
    const read = first.value.records[0];
    await emu.control('/_emulator/clock/advance', { ms: 60_000 });
    const current = await qbo.read('Customer', read?.id ?? '');
    await qbo.sparseUpdate(
      'Customer',
      { Id: current.Id, SyncToken: current.SyncToken, CompanyName: 'Changed meanwhile' },
      'walk-update-1',
    );
    const second = await reader.readChangedSince('customer', EPOCH, first.value.nextPageToken ?? undefined);
    if (!second.ok) throw new Error(second.error.message);
    const ids = new Set([...first.value.records, ...second.value.records].map((r) => r.id));
    expect(seeded.filter((c) => !ids.has(c.Id)).map((c) => c.Id)).toEqual([]);
  });
});
