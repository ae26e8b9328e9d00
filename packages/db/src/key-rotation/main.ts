// `npm run keys:rotate [-- --dry-run] [--batch-size=N]`: re-encrypts every stored token under the
// active key of TOKEN_ENCRYPTION_KEYS (TOKEN_ENCRYPTION_ACTIVE_KEY_ID, else the last key listed).
import { databaseEnvShape, loadEnv, tokenKeysEnvShape } from '@ledgersync/config';
import { z } from 'zod';
import { createPrismaClient } from '../client/create-prisma-client.ts';
import { createTokenCipher } from '../crypto/token-cipher.ts';
import { rotateTokenKeys } from './rotate-token-keys.ts';
import { parseRotationArgs } from './rotation-args.ts';

const args = parseRotationArgs(process.argv.slice(2));
if (!args.ok) {
  console.error(`keys:rotate: ${args.error}\nusage: npm run keys:rotate [-- --dry-run] [--batch-size=N]`);
  process.exit(2);
}
const env = loadEnv(z.object({ ...databaseEnvShape, ...tokenKeysEnvShape }), process.env);
const db = createPrismaClient(env.DATABASE_URL, { maxConnections: 2 });
try {
  const cipher = createTokenCipher(env.TOKEN_ENCRYPTION_KEYS, env.TOKEN_ENCRYPTION_ACTIVE_KEY_ID);
  const report = await rotateTokenKeys(db, cipher, args.options);
  const verb = report.dryRun ? 'would re-encrypt' : 're-encrypted';
  console.log(`active key: ${report.activeKeyId}${report.dryRun ? ' (dry run: nothing written)' : ''}`);
  for (const [table, c] of [
    ['HubSpot installations', report.hubspotInstallations],
    ['QuickBooks connections', report.quickbooksConnections],
  ] as const) {
    console.log(
      `${table}: ${c.checked} checked, ${verb} ${c.rotated}, ${c.current} current, ${c.unreadable} unreadable`,
    );
  }
  const unreadable = report.hubspotInstallations.unreadable + report.quickbooksConnections.unreadable;
  if (unreadable > 0) {
    console.error(
      `${unreadable} row(s) hold a token no key of TOKEN_ENCRYPTION_KEYS can read: they were left alone.`,
    );
    process.exitCode = 1;
  }
} finally {
  await db.$disconnect();
}
