export { createPrismaClient, type Db, type DbClient } from './client/create-prisma-client.ts';
export { inTransaction } from './client/in-transaction.ts';
export { databaseEnvShape } from './config/database-env.ts';
export { ConfigError, loadEnv } from './config/load-env.ts';
export { checkQuickBooksConnect } from './connections/check-quickbooks-connect.ts';
export { saveHubSpotInstall } from './connections/save-hubspot-install.ts';
export { type Keyring, parseKeyring } from './crypto/parse-keyring.ts';
export {
  createTokenCipher,
  type EncryptedToken,
  type TokenCipher,
  TokenCipherError,
  type TokenCipherErrorCode,
} from './crypto/token-cipher.ts';
export { type EmbeddedPostgres, startEmbeddedPostgres } from './embedded/start-embedded-postgres.ts';
export * from './generated/prisma/client.ts';
export { type ApplyResult, applyMigrations } from './migrate/apply-migrations.ts';
export { migrateDatabase } from './migrate/migrate-database.ts';
export { MigrationError } from './migrate/migration-error.ts';
export { MIGRATIONS_DIR } from './migrate/migrations-dir.ts';
export { readMigrations } from './migrate/read-migrations.ts';
export { type ChangeIntake, createChangeIntake } from './queue/change-intake.ts';
export { migrateJobQueue } from './queue/migrate-job-queue.ts';
export {
  portalQueueName,
  SYNC_PORTAL_TASK,
  schedulePortalSync,
  syncPortalJobKey,
} from './queue/schedule-portal-sync.ts';
export * from './repositories/change-notice-repository.ts';
export * from './repositories/hubspot-installation-repository.ts';
export * from './repositories/portal-repository.ts';
export * from './repositories/quickbooks-connection-repository.ts';
export * from './repositories/record-link-repository.ts';
export * from './repositories/sync-activity-repository.ts';
export * from './repositories/sync-cursor-repository.ts';
export * from './repositories/sync-settings-repository.ts';
export * from './sync-store/index.ts';
