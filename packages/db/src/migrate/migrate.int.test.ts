import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../testing/create-test-database.ts';
import { applyMigrations } from './apply-migrations.ts';
import { migrateDatabase } from './migrate-database.ts';
import { MigrationError } from './migration-error.ts';
import { MIGRATIONS_DIR } from './migrations-dir.ts';
import { readMigrations } from './read-migrations.ts';

const created: TestDatabase[] = [];
async function emptyDatabase() {
  const db = await createTestDatabase({ migrate: false });
  created.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(created.splice(0).map((db) => db.drop()));
});

async function history(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    return rows;
  } finally {
    await client.end();
  }
}

describe('db:migrate', () => {
  it('applies every migration to an empty database and records it as Prisma does', async () => {
    const db = await emptyDatabase();
    const files = await readMigrations(MIGRATIONS_DIR);
    const result = await migrateDatabase(db.url);
    expect(result.applied).toEqual(files.map((f) => f.name));
    const rows = await history(db.url);
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(files[i]!.checksum);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('is a no-op when run again', async () => {
    const db = await emptyDatabase();
    await migrateDatabase(db.url);
    const before = await history(db.url);
    const again = await migrateDatabase(db.url);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied.length).toBe(before.length);
    expect(await history(db.url)).toEqual(before);
  });

  describe('with a copy of the migrations folder', () => {
    let dir: string;
    afterEach(async () => rm(dir, { recursive: true, force: true }));

    it('refuses to run when an applied migration file was changed', async () => {
      dir = await mkdtemp(join(tmpdir(), 'ls-migrations-'));
      await cp(MIGRATIONS_DIR, dir, { recursive: true });
      const db = await emptyDatabase();
      await migrateDatabase(db.url, dir);
      const [first] = await readMigrations(dir);
      await writeFile(join(dir, first!.name, 'migration.sql'), `${first!.sql}\n-- edited after the fact\n`);
      const attempt = migrateDatabase(db.url, dir);
      await expect(attempt).rejects.toBeInstanceOf(MigrationError);
      await expect(migrateDatabase(db.url, dir)).rejects.toMatchObject({
        code: 'migration_modified',
        migration: first!.name,
      });
    });

    it('refuses to run when an applied migration is missing on disk', async () => {
      dir = await mkdtemp(join(tmpdir(), 'ls-migrations-'));
      await cp(MIGRATIONS_DIR, dir, { recursive: true });
      const db = await emptyDatabase();
      await migrateDatabase(db.url, dir);
      const [first] = await readMigrations(dir);
      await rm(join(dir, first!.name), { recursive: true });
      await expect(migrateDatabase(db.url, dir)).rejects.toMatchObject({ code: 'migration_missing' });
    });

    it('rolls back a failing migration entirely and records nothing for it', async () => {
      dir = await mkdtemp(join(tmpdir(), 'ls-migrations-'));
      await cp(MIGRATIONS_DIR, dir, { recursive: true });
      await cp(join(dir, (await readMigrations(dir))[0]!.name), join(dir, '29990101000000_broken'), {
        recursive: true,
      });
      await writeFile(
        join(dir, '29990101000000_broken', 'migration.sql'),
        'CREATE TABLE "Half" (id int);\nSELECT * FROM no_such_table;',
      );
      const db = await emptyDatabase();
      await expect(migrateDatabase(db.url, dir)).rejects.toThrow(
        /29990101000000_broken failed and was rolled back: .*does not exist/,
      );
      const names = (await history(db.url)).map((r) => r.migration_name);
      expect(names).not.toContain('29990101000000_broken');
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const { rows } = await client.query(`SELECT to_regclass('"Half"') AS t`);
      await client.end();
      expect(rows[0].t).toBeNull();
    });
  });

  it('is safe with two migrators at once: each migration is applied exactly once', async () => {
    const db = await emptyDatabase();
    const files = await readMigrations(MIGRATIONS_DIR);
    const [a, b] = await Promise.all([applyMigrations(db.url, files), applyMigrations(db.url, files)]);
    expect([...a.applied, ...b.applied].sort()).toEqual(files.map((f) => f.name).sort());
    expect((await history(db.url)).length).toBe(files.length);
  });
});
