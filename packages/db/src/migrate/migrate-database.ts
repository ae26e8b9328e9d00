import { type ApplyResult, applyMigrations } from './apply-migrations.ts';
import { MIGRATIONS_DIR } from './migrations-dir.ts';
import { readMigrations } from './read-migrations.ts';

/** Brings the database at `databaseUrl` up to date with every migration in the repository. */
export async function migrateDatabase(
  databaseUrl: string,
  dir: string = MIGRATIONS_DIR,
): Promise<ApplyResult> {
  return applyMigrations(databaseUrl, await readMigrations(dir));
}
