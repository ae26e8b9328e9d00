export type { FaultRuleInput } from './control/fault-injection.ts';
export type { Clock } from './core/clock.ts';
export { createQuickBooksEmulator, type QuickBooksEmulator } from './create-emulator.ts';
export type { Emulator, NewRealmInput } from './emulator.ts';
export type { TokenResponse } from './oauth/token-store.ts';
export {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_VERIFIER_TOKEN,
  type QuickBooksEmulatorOptions,
  type RateLimitOptions,
  REAL_RATE_LIMITS,
  type WebhookOptions,
} from './options.ts';
export { intuitSignature } from './webhooks/sign.ts';
