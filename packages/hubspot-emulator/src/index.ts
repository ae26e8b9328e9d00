export { createHubSpotEmulator } from './create-hubspot-emulator.ts';
export type { AppConfig, HubSpotEmulatorOptions, RateLimitOptions } from './options.ts';
export { signUiRequest } from './webhooks/sign-ui-request.ts';
export { signatureV3 } from './webhooks/signatures.ts';
