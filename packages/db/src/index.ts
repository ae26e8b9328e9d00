export { createPrismaClient, type Db, type DbClient } from './client/create-prisma-client.ts';
export { inTransaction } from './client/in-transaction.ts';
export { checkQuickBooksConnect } from './connections/check-quickbooks-connect.ts';
export { createTokenCipher, type TokenCipher } from './crypto/token-cipher.ts';
export {
  type Backfill,
  PlanTier,
  type Portal,
  Prisma,
  type RecordLink,
  Side,
  type SyncRun,
  type SyncSettings,
} from './generated/prisma/client.ts';
export { migrateDatabase } from './migrate/migrate-database.ts';
export type { ActivityRow } from './queries/activity-rows.ts';
export {
  loadAssociationTypeIds,
  saveAssociationTypeIds,
} from './queries/association-type-queries.ts';
export {
  beginBackfill,
  cancelBackfill,
  findBackfill,
  findUnfinishedBackfill,
  listBackfills,
  readBackfill,
  recordBackfillPage,
} from './queries/backfill-queries.ts';
export { readCompanyProfile, saveCompanyProfile } from './queries/company-profile-queries.ts';
export { type InvoiceCardRows, readInvoiceCard } from './queries/invoice-card-queries.ts';
export {
  listInvoiceSourceOptionsDue,
  loadInvoiceSourceOptions,
  saveInvoiceSourceOptions,
} from './queries/invoice-source-queries.ts';
export {
  bindOAuthStateToBrowser,
  consumeOAuthState,
  deleteExpiredOAuthStates,
  saveOAuthState,
} from './queries/oauth-state-queries.ts';
export { setPortalPlan } from './queries/portal-plan-queries.ts';
export {
  pauseRateBudget,
  type RateBudgetLimits,
  returnRatePermit,
  takeRatePermit,
} from './queries/rate-budget-queries.ts';
export { checkReadiness, countQueuedJobs } from './queries/readiness-queries.ts';
export {
  countFailuresByCode,
  countRecordsByStatus,
  countUnknownInvoiceSources,
  listRecords,
} from './queries/record-link-queries.ts';
export { deleteExpiredSignatureUses, recordSignatureUse } from './queries/signature-use-queries.ts';
export { listRecordActivity } from './queries/sync-activity-queries.ts';
export {
  findSyncRun,
  finishSyncRun,
  listSyncRuns,
  readSyncRun,
  recordSyncRunPage,
  setSyncRunTotal,
} from './queries/sync-run-queries.ts';
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
export {
  createHubSpotInstallationRepository,
  type HubSpotTokens,
} from './repositories/hubspot-installation-repository.ts';
export { createPortalRepository } from './repositories/portal-repository.ts';
export {
  createQuickBooksConnectionRepository,
  type QuickBooksTokens,
} from './repositories/quickbooks-connection-repository.ts';
export { createSyncSettingsRepository } from './repositories/sync-settings-repository.ts';
export {
  createPrismaSyncStore,
  fieldMappingsColumnSchema,
  type NewChangeNotice,
  settingsFromRows,
} from './sync-store/index.ts';
