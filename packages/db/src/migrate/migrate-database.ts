import { type ApplyResult, applyMigrations } from './apply-migrations.ts';
import { migrateJobQueue } from './migrate-job-queue.ts';
import { MIGRATIONS_DIR } from './migrations-dir.ts';
import { readMigrations } from './read-migrations.ts';

/**
 * Brings the database at `databaseUrl` up to date: every migration in the repository, then
 * graphile-worker's own schema (the job queue lives in the same database: README.md, The job queue).
 */
export async function migrateDatabase(
  databaseUrl: string,
  dir: string = MIGRATIONS_DIR,
): Promise<ApplyResult> {
  const result = await applyMigrations(databaseUrl, await readMigrations(dir));
  await migrateJobQueue(databaseUrl);
  return result;
}
