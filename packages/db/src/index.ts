export { createPrismaClient, type Db, type DbClient } from './client/create-prisma-client.ts';
export { inTransaction } from './client/in-transaction.ts';
export { checkQuickBooksConnect } from './connections/check-quickbooks-connect.ts';
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
export {
  findUnfinishedBackfill,
  listBackfills,
  readBackfill,
} from './queries/backfill-queries.ts';
export { type InvoiceCardRows, readInvoiceCard } from './queries/invoice-card-queries.ts';
export { consumeOAuthState, saveOAuthState } from './queries/oauth-state-queries.ts';
export { checkReadiness } from './queries/readiness-queries.ts';
export { countFailuresByCode, countRecordsByStatus, listRecords } from './queries/record-link-queries.ts';
export { deleteExpiredSignatureUses, recordSignatureUse } from './queries/signature-use-queries.ts';
export { listRecordActivity } from './queries/sync-activity-queries.ts';
export {
  listEnabledObjects,
  type ObjectSettingsChange,
  readObjectSettings,
  readSettings,
  type SettingsRows,
  saveObjectSettings,
  updateObjectSettings,
} from './queries/sync-settings-queries.ts';
export { findConnectedRealms, findInstalledPortals } from './queries/webhook-account-queries.ts';
export * from './repositories/hubspot-installation-repository.ts';
export * from './repositories/portal-repository.ts';
export * from './repositories/quickbooks-connection-repository.ts';
export * from './repositories/sync-settings-repository.ts';
export * from './sync-store/index.ts';
