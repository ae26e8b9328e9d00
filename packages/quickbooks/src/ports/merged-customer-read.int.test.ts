import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type EmulatorHarness, startEmulator } from '../testing/emulator-harness.ts';
import { createQuickBooksSideReader } from './quickbooks-side-reader.ts';

let emu: EmulatorHarness;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => emu.close());

describe('reading a merged-away QBO customer (R-OBJ-7)', () => {
  it('answers it with its survivor under the asked id and mergedInto; without the hint it is missing', async () => {
    const realmId = await emu.newRealm();
    const qbo = await emu.newClient({ realmId });
    const from = await qbo.create('Customer', { DisplayName: 'Merged Away' }, 'm-from');
    const into = await qbo.create('Customer', { DisplayName: 'Survivor' }, 'm-into');
    const other = await qbo.create('Customer', { DisplayName: 'Bystander' }, 'm-other');
    await emu.control(`/_emulator/realms/${realmId}/customers/merge`, { fromId: from.Id, intoId: into.Id });
    const reader = createQuickBooksSideReader(qbo);

    const plain = await reader.readByIds('customer', [from.Id, other.Id]);
    expect(plain.ok && plain.value.missing).toEqual([from.Id]);

    const hinted = await reader.readByIds('customer', [from.Id, other.Id], {
      mergedInto: new Map([[from.Id, into.Id]]),
    });
    if (!hinted.ok) throw new Error(hinted.error.message);
    expect(hinted.value.missing).toEqual([]);
    expect(hinted.value.records.map((r) => [r.id, r.mergedInto, r.record.displayName])).toEqual([
      [from.Id, into.Id, 'Survivor'],
      [other.Id, undefined, 'Bystander'],
    ]);
  });

  it('leaves it missing (read as deleted) when the survivor is gone too', async () => {
    const qbo = await emu.newClient();
    const reader = createQuickBooksSideReader(qbo);
    const result = await reader.readByIds('customer', ['900'], { mergedInto: new Map([['900', '901']]) });
    expect(result.ok && result.value).toMatchObject({ records: [], missing: ['900'] });
  });
});
