import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createQuickBooksAdapter } from '../quickbooks-adapter.ts';
import { type EmulatorHarness, startEmulator } from '../testing/emulator-harness.ts';
import { ttlCompanyProfileCache } from './company-context.ts';

let emu: EmulatorHarness;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => emu.close());

async function profileReads(): Promise<number> {
  const { requests } = await emu.control<{ requests: Array<{ url: string }> }>('/_emulator/requests');
  return requests.filter((r) => /\/(preferences|companyinfo\/)/.test(r.url)).length;
}

describe('company profile reads (call budget)', () => {
  it('one drain reads Preferences and CompanyInfo once for every port; later drains take the realm cache until its TTL ends', async () => {
    const realmId = await emu.newRealm();
    const { access_token } = await emu.issueTokens(realmId);
    await emu.control('/_emulator/requests', undefined, 'DELETE');
    let now = 1_000_000;
    const cache = ttlCompanyProfileCache(300_000, () => now);
    const drain = () =>
      createQuickBooksAdapter({
        baseUrl: emu.baseUrl,
        realmId,
        tokens: { accessToken: async () => access_token, refreshAfterRejection: async () => access_token },
        companyProfileCache: cache,
      });

    const first = drain();
    const read = await first.reader.readByIds('invoice', ['1']);
    const profile = await first.company.readCompanyProfile();
    expect(read.ok && profile.ok).toBe(true);
    expect(await profileReads()).toBe(2);

    now += 299_000;
    const second = await drain().company.readCompanyProfile();
    expect(second).toEqual(profile);
    expect(await profileReads()).toBe(2);

    now += 2_000;
    expect(await drain().company.readCompanyProfile()).toEqual(profile);
    expect(await profileReads()).toBe(4);
  });
});
