// `npm run db:migrate`: applies prisma/migrations to DATABASE_URL.
import { databaseEnvShape, loadEnv } from '@ledgersync/config';
import { z } from 'zod';
import { migrateDatabase } from './migrate-database.ts';

const env = loadEnv(z.object(databaseEnvShape), process.env);
const result = await migrateDatabase(env.DATABASE_URL);
for (const name of result.applied) console.log(`applied ${name}`);
console.log(`${result.applied.length} applied, ${result.alreadyApplied.length} already applied`);
