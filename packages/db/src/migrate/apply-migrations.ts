import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { MigrationError } from './migration-error.ts';
import type { MigrationFile } from './read-migrations.ts';

// Prisma's own advisory lock key: holding the same one keeps us and `prisma migrate deploy` from
// ever running at the same time against one database.
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

const CREATE_HISTORY_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export interface ApplyResult {
  applied: string[];
  alreadyApplied: string[];
}

/**
 * Applies the pending migrations in order, each in its own transaction, under Prisma's advisory
 * lock, and records them in `_prisma_migrations` as Prisma does. Refuses to go on when the history
 * and the files disagree, since building on a changed past is how schemas silently drift.
 */
export async function applyMigrations(
  databaseUrl: string,
  migrations: MigrationFile[],
): Promise<ApplyResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK_KEY]);
    await client.query(CREATE_HISTORY_TABLE);
    const { rows } = await client.query<AppliedRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
    );
    const applied = checkHistory(rows, migrations);
    const result: ApplyResult = { applied: [], alreadyApplied: [...applied] };
    for (const migration of migrations) {
      if (applied.has(migration.name)) continue;
      await applyOne(client, migration);
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    // Closing the session releases the advisory lock even if the unlock is never reached.
    await client.end();
  }
}

function checkHistory(rows: AppliedRow[], migrations: MigrationFile[]): Set<string> {
  const files = new Map(migrations.map((m) => [m.name, m]));
  const applied = new Set<string>();
  for (const row of rows) {
    if (row.rolled_back_at) continue;
    if (!row.finished_at) {
      throw new MigrationError(
        'migration_failed_before',
        row.migration_name,
        `Migration ${row.migration_name} started earlier but never finished. Fix the database by hand, then mark it rolled back in _prisma_migrations.`,
      );
    }
    const file = files.get(row.migration_name);
    if (!file) {
      throw new MigrationError(
        'migration_missing',
        row.migration_name,
        `Migration ${row.migration_name} is applied to the database but its folder is missing from prisma/migrations.`,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        'migration_modified',
        row.migration_name,
        `Migration ${row.migration_name} was changed after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ${file.checksum.slice(0, 12)}… on disk). Restore the file and add a new migration instead.`,
      );
    }
    applied.add(row.migration_name);
  }
  return applied;
}

async function applyOne(client: pg.Client, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  await client.query('BEGIN');
  try {
    await client.query(
      'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())',
      [id, migration.checksum, migration.name],
    );
    await client.query(migration.sql);
    await client.query(
      'UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1',
      [id],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${migration.name} failed and was rolled back: ${reason}`, { cause: error });
  }
}
