import { describe, expect, it } from '@jest/globals';
import type { QuickBooksClient } from '../api/qbo-client.ts';
import { companyContext } from './company-context.ts';

describe('companyContext', () => {
  it('a read that throws rejects its callers only, leaves no unhandled rejection, and is tried again', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    let calls = 0;
    const qbo = {
      preferences: async () => {
        calls += 1;
        throw new Error('the token store is gone');
      },
      companyInfo: async () => ({}),
    } as unknown as QuickBooksClient;
    const profile = companyContext(qbo);
    try {
      await expect(profile()).rejects.toThrow('the token store is gone');
      await new Promise((resolve) => setImmediate(resolve));
      await expect(profile()).rejects.toThrow('the token store is gone');
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
    expect(calls).toBe(2);
  });
});
