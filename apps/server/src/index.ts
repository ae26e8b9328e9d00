// Public surface of @ledgersync/server: what the sandbox uses to run the server in-process.

export { createHubSpotPackageGateway } from './adapters/hubspot-package-gateway.ts';
export { createQuickBooksPackageGateway } from './adapters/quickbooks-package-gateway.ts';
export { buildServer, type ServerApp } from './build-server.ts';
export { type ServerConfig, serverEnvSchema } from './server-config.ts';
