import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPrismaClient, type Db } from '../client/create-prisma-client.ts';
import { createPortalRepository } from '../repositories/portal-repository.ts';
import { createTestDatabase, type TestDatabase } from '../testing/create-test-database.ts';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../../../node_modules/tsx/dist/loader.mjs', import.meta.url));

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

/** The command as an operator runs it: its own process, DATABASE_URL from the environment. */
async function planSet(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', TSX, MAIN, ...args], {
      env: { PATH: process.env.PATH, DATABASE_URL: database.url },
    });
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout, err: failed.stderr };
  }
}

describe('npm run plan:set against a real database (R-CON-8)', () => {
  it("sets an installed portal's plan, and a reinstall keeps it", async () => {
    const portals = createPortalRepository(db);
    const portal = await portals.upsertInstalled(4242n, new Date());
    expect(portal.planTier).toBe('free');
    const result = await planSet('--portal', '4242', '--plan', 'starter');
    expect(result).toMatchObject({ code: 0, out: expect.stringContaining('4242 is on the starter plan') });
    expect((await portals.findByHubId(4242n))?.planTier).toBe('starter');
    const again = await portals.upsertInstalled(4242n, new Date(), 'free');
    expect(again.planTier).toBe('starter');
  }, 30_000);

  it('says when no portal has that account id, and changes nothing', async () => {
    const result = await planSet('--portal', '777', '--plan', 'enterprise');
    expect(result.code).toBe(1);
    expect(result.err).toContain('no portal has HubSpot account id 777');
    expect(await db.portal.count({ where: { planTier: 'enterprise' } })).toBe(0);
  }, 30_000);

  it('refuses an unknown plan with the usage, before touching the database', async () => {
    const result = await planSet('--portal', '4242', '--plan', 'platinum');
    expect(result.code).toBe(2);
    expect(result.err).toContain('unknown plan "platinum"');
    expect(result.err).toContain('usage: npm run plan:set');
  }, 30_000);
});
