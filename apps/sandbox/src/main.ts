// `npm start`. For now it prepares the database; the emulators, server, worker and preview
// arrive with W9.
import { resolve } from 'node:path';
import { loadEnv } from '@ledgersync/db';
import { sandboxEnvSchema } from './config.ts';
import { openDatabase } from './open-database.ts';

const env = loadEnv(sandboxEnvSchema, process.env);
const database = await openDatabase(env.DATABASE_URL, resolve(process.cwd(), env.SANDBOX_DATA_DIR));
console.log(
  database.embedded
    ? `Embedded Postgres created and migrated in ${env.SANDBOX_DATA_DIR}/pglite.`
    : 'DATABASE_URL migrated.',
);
console.log(
  'The LedgerSync sandbox (emulators, server, worker, preview) is not built yet: it arrives with W9.',
);
await database.close();
