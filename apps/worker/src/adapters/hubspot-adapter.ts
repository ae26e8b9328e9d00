// @ledgersync/hubspot publishes no index yet (its package "exports" points at a missing
// src/index.ts), so its factories are reached by path, here only. Switch to the package name when
// the index lands.
export {
  createHubSpotClient,
  type HubSpotClient,
} from '../../../../packages/hubspot/src/http/create-hubspot-client.ts';
export { RateLimiterRegistry } from '../../../../packages/hubspot/src/http/rate-limiter.ts';
export { ensureAppProperties } from '../../../../packages/hubspot/src/install/ensure-app-properties.ts';
export { createHubSpotSideReader } from '../../../../packages/hubspot/src/ports/hubspot-side-reader.ts';
export { createHubSpotSideWriter } from '../../../../packages/hubspot/src/ports/hubspot-side-writer.ts';
