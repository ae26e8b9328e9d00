import { Logger, runMigrations } from 'graphile-worker';

/** Installs or upgrades graphile-worker's own schema (`graphile_worker`) in the database. */
export async function migrateJobQueue(databaseUrl: string): Promise<void> {
  await runMigrations({ connectionString: databaseUrl, logger: silentLogger() });
}

function silentLogger(): Logger {
  return new Logger(() => () => {});
}
