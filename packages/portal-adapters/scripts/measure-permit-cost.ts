import { createPrismaClient } from '@ledgersync/db';
import { createTestDatabase } from '@ledgersync/db/testing';
import { createSharedRateLimiters } from '../src/shared-limits/create-shared-rate-limiters.ts';

// What taking a shared permit costs against a bare round trip through Prisma, on a throwaway
// database: npm run measure:permit-cost -w @ledgersync/portal-adapters.

const database = await createTestDatabase();
const db = createPrismaClient(database.url);
async function run(label: string, windowMs: number) {
  const limiter = createSharedRateLimiters(db, {
    quickbooks: { requestsPerWindow: 100_000, batchesPerWindow: 100_000, concurrent: 10, windowMs },
  }).quickbooks.forRealm(label);
  for (let i = 0; i < 50; i++) (await limiter.acquire('request'))();
  const n = 400;
  const started = performance.now();
  for (let i = 0; i < n; i++) (await limiter.acquire('request'))();
  console.log(`${label}: ${((performance.now() - started) / n).toFixed(2)} ms per take`);
}
const t0 = performance.now();
for (let i = 0; i < 400; i++) await db.$queryRaw`SELECT 1`;
console.log(`SELECT 1 through Prisma: ${((performance.now() - t0) / 400).toFixed(2)} ms`);
await run('tiny-window', 1);
await run('full-window', 60_000);
await new Promise((r) => setTimeout(r, 300));
await db.$disconnect();
await database.drop();
