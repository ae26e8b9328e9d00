// @ledgersync/hubspot publishes no index yet (its "exports" points at a missing src/index.ts), so
// its factories are reached by path, here only, as apps/worker does. Switch to the package name
// when the index lands.
export {
  createHubSpotClient,
  type HubSpotClient,
} from '../../../../packages/hubspot/src/http/create-hubspot-client.ts';
export { RateLimiterRegistry } from '../../../../packages/hubspot/src/http/rate-limiter.ts';
export { ensureAppProperties } from '../../../../packages/hubspot/src/install/ensure-app-properties.ts';
export { createOAuthClient } from '../../../../packages/hubspot/src/oauth/oauth-client.ts';
export { REQUIRED_SCOPE_LIST } from '../../../../packages/hubspot/src/oauth/scopes.ts';
