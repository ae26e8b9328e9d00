import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPrismaClient, type Db } from '../client/create-prisma-client.ts';
import { createTokenCipher } from '../crypto/token-cipher.ts';
import { createTestDatabase, type TestDatabase } from '../testing/create-test-database.ts';
import { createHubSpotInstallationRepository } from './hubspot-installation-repository.ts';
import { createPortalRepository } from './portal-repository.ts';

let database: TestDatabase;
let db: Db;
const cipher = createTokenCipher(new Map([['k1', randomBytes(32)]]));
const t0 = new Date('2026-11-27T10:00:00.000Z');
const tokens = (suffix: string) => ({
  accessToken: `access-${suffix}`,
  refreshToken: `refresh-${suffix}`,
  accessTokenExpiresAt: new Date(t0.getTime() + 60_000),
  scopes: ['oauth'],
});

beforeAll(async () => {
  database = await createTestDatabase();
  db = createPrismaClient(database.url);
});
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

describe('HubSpot installation care (token care, app properties)', () => {
  it('a refused refresh marks needs_reauth; a new install clears it and records the property set', async () => {
    const portal = await createPortalRepository(db).upsertInstalled(901n, t0);
    const repo = createHubSpotInstallationRepository(db, cipher);
    await repo.save(portal.id, tokens('a'));
    // An installation stored without an install (older rows) has property set 0: unknown.
    expect(await repo.find(portal.id)).toMatchObject({ status: 'active', appPropertiesVersion: 0 });
    expect(await repo.listExpiringBefore(new Date(t0.getTime() + 120_000))).toContain(portal.id);

    await repo.markNeedsReauth(portal.id);
    expect((await repo.find(portal.id))?.status).toBe('needs_reauth');
    // The token refresh asks nothing more of a grant HubSpot refused, nor the catch-up of its properties.
    expect(await repo.listExpiringBefore(new Date(t0.getTime() + 120_000))).not.toContain(portal.id);
    expect(await repo.listBehindAppProperties(5)).not.toContain(portal.id);
    // A token refresh that races the mark does not clear it: only an install does.
    await repo.save(portal.id, tokens('b'));
    expect((await repo.find(portal.id))?.status).toBe('needs_reauth');

    await repo.saveInstall(portal.id, tokens('c'), { installedByUserId: 'u-1', appPropertiesVersion: 3 });
    expect(await repo.find(portal.id)).toMatchObject({
      status: 'active',
      appPropertiesVersion: 3,
      installedByUserId: 'u-1',
      tokens: tokens('c'),
    });
  });

  it('lists installations behind the current property set and never moves a version backwards', async () => {
    const portal = await createPortalRepository(db).upsertInstalled(902n, t0);
    const repo = createHubSpotInstallationRepository(db, cipher);
    await repo.saveInstall(portal.id, tokens('d'), { appPropertiesVersion: 1 });
    expect(await repo.listBehindAppProperties(2)).toContain(portal.id);
    expect(await repo.listBehindAppProperties(1)).not.toContain(portal.id);
    await repo.recordAppPropertiesVersion(portal.id, 2);
    await repo.recordAppPropertiesVersion(portal.id, 1);
    expect((await repo.find(portal.id))?.appPropertiesVersion).toBe(2);
    expect(await repo.listBehindAppProperties(2)).not.toContain(portal.id);
  });
});
