// `npm run db:migrate`: applies prisma/migrations to DATABASE_URL.
import { z } from 'zod';
import { loadEnv } from '../config/load-env.ts';
import { migrateDatabase } from './migrate-database.ts';

const env = loadEnv(z.object({ DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }) }), process.env);
const result = await migrateDatabase(env.DATABASE_URL);
for (const name of result.applied) console.log(`applied ${name}`);
console.log(`${result.applied.length} applied, ${result.alreadyApplied.length} already applied`);
