import { describe, expect, it } from '@jest/globals';
import { SYNC_OBJECTS } from '@ledgersync/sync-engine';
import { SyncObject } from '../generated/prisma/client.ts';

describe('the SyncObject column', () => {
  it('stores the sync engine’s object names, so nothing converts between them', () => {
    expect(Object.values(SyncObject).sort()).toEqual([...SYNC_OBJECTS].sort());
  });
});
