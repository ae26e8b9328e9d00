export type { Clock } from './clock.ts';
export { createHubSpotEmulator, type HubSpotEmulatorHandle } from './create-hubspot-emulator.ts';
export type {
  AppConfig,
  HubSpotEmulatorOptions,
  RateLimitOptions,
  SubscriptionType,
  WebhookDeliveryOptions,
  WebhookSubscription,
} from './options.ts';
