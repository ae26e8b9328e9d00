import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { createPrismaClient, migrateDatabase } from '@ledgersync/db';
import { startEmbeddedPostgres } from './start-embedded-postgres.ts';

let dataDir: string;
afterAll(async () => rm(dataDir, { recursive: true, force: true }));

describe('embedded Postgres (PGlite) for the sandbox', () => {
  it('starts, migrates, answers Prisma, stops, and keeps its data across a restart', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ls-pglite-'));
    const first = await startEmbeddedPostgres({ dataDir });
    expect(first.port).toBeGreaterThan(0);
    expect(first.url).toMatch(/^postgresql:\/\/.*@127\.0\.0\.1:\d+\//);
    const applied = await migrateDatabase(first.url);
    expect(applied.applied.length).toBeGreaterThan(0);
    const db = createPrismaClient(first.url, { maxConnections: 4 });
    // Several queries at once exercise more than one connection of the socket server.
    await Promise.all(
      [1n, 2n, 3n].map((hubId) =>
        db.portal.create({ data: { hubId, installedAt: new Date('2026-11-27T00:00:00Z') } }),
      ),
    );
    expect(await db.portal.count()).toBe(3);
    await db.$disconnect();
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir });
    const again = await migrateDatabase(second.url);
    expect(again.applied).toEqual([]);
    const db2 = createPrismaClient(second.url);
    expect((await db2.portal.findMany({ orderBy: { hubId: 'asc' } })).map((p) => p.hubId)).toEqual([
      1n,
      2n,
      3n,
    ]);
    await db2.$disconnect();
    await second.stop();
  }, 120_000);
});
