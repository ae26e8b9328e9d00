export { createQuickBooksEmulator, type QuickBooksEmulator } from './create-emulator.ts';
export type { TokenResponse } from './oauth/token-store.ts';
export {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  type QuickBooksEmulatorOptions,
  type RateLimitOptions,
} from './options.ts';
