// Public surface of @ledgersync/server for the sandbox and the UI's contract.
export { createHubSpotPackageGateway } from './adapters/hubspot-package-gateway.ts';
export { createQueueSyncControl } from './adapters/queue-sync-control.ts';
export { createQuickBooksPackageGateway } from './adapters/quickbooks-package-gateway.ts';
export * as apiContract from './api-contract/index.ts';
export { buildServer, type ServerApp } from './build-server.ts';
export type { ServerDeps, ServerOptions } from './deps.ts';
export { createServerMetrics, type ServerMetrics } from './metrics/server-metrics.ts';
export type { HistoricalInvoice, HubSpotGateway } from './ports/hubspot-gateway.ts';
export type { QuickBooksCompanySnapshot, QuickBooksGateway } from './ports/quickbooks-gateway.ts';
export type { SyncControl } from './ports/sync-control.ts';
export { type ServerConfig, type ServerEnv, serverConfigFromEnv, serverEnvSchema } from './server-config.ts';
