// Public surface of @ledgersync/worker for the server (W7) and the sandbox: the settings life cycle
// and the card's resync, done through the database (no HTTP between server and worker), and the
// worker itself for in-process use.

export { type BackfillProgress, readBackfillProgress, startBackfill } from './api/backfill.ts';
export { exportHistoricalInvoicesCsv } from './api/historical-invoices-csv.ts';
export { disconnectPortal, requestResync, setObjectSyncEnabled } from './api/portal-lifecycle.ts';
export { type WorkerEnv, workerEnvSchema } from './config.ts';
export { startWorker, type WorkerOptions } from './create-worker.ts';
export { type PortalGate, portalGate } from './portal-gate.ts';
export {
  careForTokens,
  type RefreshOutcome,
  TOKEN_CARE_TASK,
  type TokenCareReport,
  type TokenRefresher,
  tokenCareTask,
} from './tasks/token-care-task.ts';
