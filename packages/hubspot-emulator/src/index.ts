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
export type { WebhookEvent } from './webhooks/event-payload.ts';
export { type SignedUiRequest, signUiRequest, type UiRequestInput } from './webhooks/sign-ui-request.ts';
export { signatureV1, signatureV2, signatureV3, webhookHeaders } from './webhooks/signatures.ts';
