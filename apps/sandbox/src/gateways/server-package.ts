// @ledgersync/server publishes no index yet (its "exports" points at a missing src/index.ts), so
// the sandbox reaches its factory and port types by path, here only.
export { buildServer, type ServerApp } from '../../../server/src/build-server.ts';
export type { HistoricalInvoice, HubSpotGateway } from '../../../server/src/ports/hubspot-gateway.ts';
export type {
  QuickBooksCompanySnapshot,
  QuickBooksGateway,
} from '../../../server/src/ports/quickbooks-gateway.ts';
export type { ServerConfig } from '../../../server/src/server-config.ts';
