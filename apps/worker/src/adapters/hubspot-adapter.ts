export {
  createHubSpotClient,
  createHubSpotSideReader,
  createHubSpotSideWriter,
  ensureAppProperties,
  type HubSpotClient,
  RateLimiterRegistry,
} from '@ledgersync/hubspot';
