import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPortalRepository, createPrismaClient, type Db } from '@ledgersync/db';
import { createTestDatabase, type TestDatabase } from '@ledgersync/db/testing';
import { fixedClock } from '@ledgersync/sync-engine';
import { portalGate } from '../portal-gate.ts';
import type { RefreshOutcome } from '../tokens/token-refresher.ts';
import { refreshExpiringTokens } from './refresh-tokens-task.ts';

let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = createPrismaClient(database.url);
});
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

const NOW = new Date('2026-03-01T12:00:00Z');
const inMinutes = (m: number) => new Date(NOW.getTime() + m * 60_000);

async function portal(hubId: bigint, qboExpiresIn: number) {
  const p = await createPortalRepository(db).upsertInstalled(hubId, NOW);
  await db.quickBooksConnection.create({
    data: {
      portalId: p.id,
      realmId: `r${hubId}`,
      connectedAt: NOW,
      accessTokenExpiresAt: inMinutes(qboExpiresIn),
    },
  });
  return p.id;
}

describe('token refresh (R-CON-1, R-ERR-7)', () => {
  it('refreshes only tokens that expire soon; a revoked QBO authorization pauses the portal as needs_reauth', async () => {
    const soon = await portal(1n, 5);
    const later = await portal(2n, 55);
    const revokedPortal = await portal(3n, 1);
    const asked: string[] = [];
    const report = await refreshExpiringTokens({
      db,
      clock: fixedClock(NOW),
      refresher: {
        refreshHubSpot: async () => 'refreshed',
        refreshQuickBooks: async (portalId): Promise<RefreshOutcome> => {
          asked.push(portalId);
          return portalId === revokedPortal ? 'revoked' : 'refreshed';
        },
      },
    });
    expect(asked.sort()).toEqual([soon, revokedPortal].sort());
    expect(asked).not.toContain(later);
    expect(report).toEqual({ refreshed: 1, revoked: [revokedPortal], failed: 0 });
    expect(await portalGate(db, revokedPortal)).toBe('paused');
    expect(await portalGate(db, soon)).toBe('active');
  });
});
