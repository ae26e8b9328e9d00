// `npm run plan:set -- --portal <hubId> --plan <tier>`: sets a portal's LedgerSync plan (R-CON-8).
import { databaseEnvShape, loadEnv } from '@ledgersync/config';
import { z } from 'zod';
import { createPrismaClient } from '../client/create-prisma-client.ts';
import { setPortalPlan } from '../queries/portal-plan-queries.ts';
import { PLAN_USAGE, parsePlanArgs } from './plan-args.ts';

const args = parsePlanArgs(process.argv.slice(2));
if (!args.ok) {
  console.error(`plan:set: ${args.error}\n${PLAN_USAGE}`);
  process.exit(2);
}
const env = loadEnv(z.object(databaseEnvShape), process.env);
const db = createPrismaClient(env.DATABASE_URL, { maxConnections: 1 });
try {
  const portal = await setPortalPlan(db, args.hubId, args.plan);
  if (portal) console.log(`HubSpot account ${args.hubId} is on the ${portal.planTier} plan.`);
  else {
    console.error(
      `plan:set: no portal has HubSpot account id ${args.hubId} (is LedgerSync installed there?)`,
    );
    process.exitCode = 1;
  }
} finally {
  await db.$disconnect();
}
