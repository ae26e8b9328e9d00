export {
  createHubSpotClient,
  createHubSpotSideReader,
  createHubSpotSideWriter,
  customInvoiceProperties,
  ensureAppProperties,
  type HubSpotClient,
  RateLimiterRegistry,
} from '@ledgersync/hubspot';
