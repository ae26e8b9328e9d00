import { join } from 'node:path';
import { migrateDatabase } from '@ledgersync/db';
import { startEmbeddedPostgres } from './embedded-postgres/start-embedded-postgres.ts';

export interface SandboxDatabase {
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

/** DATABASE_URL when given, else the embedded Postgres in `<dataDir>/pglite`; migrated either way. */
export async function openDatabase(
  databaseUrl: string | undefined,
  dataDir: string,
): Promise<SandboxDatabase> {
  if (databaseUrl) {
    await migrateDatabase(databaseUrl);
    return { url: databaseUrl, embedded: false, close: async () => {} };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: join(dataDir, 'pglite') });
  try {
    await migrateDatabase(embedded.url);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { url: embedded.url, embedded: true, close: () => embedded.stop() };
}
