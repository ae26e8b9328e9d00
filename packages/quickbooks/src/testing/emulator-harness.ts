import {
  createQuickBooksEmulator,
  type QuickBooksEmulatorOptions,
  type TokenResponse,
} from '@ledgersync/quickbooks-emulator';
import { createQuickBooksClient, type QuickBooksClientOptions } from '../api/qbo-client.ts';
import { staticAccessToken } from '../http/access-token-source.ts';
import { QBO_RATE_LIMITS, RealmRateLimiter } from '../http/realm-rate-limiter.ts';

// Test support: one emulator on a free loopback port, driven through its HTTP control API only.

export interface EmulatorHarness {
  readonly baseUrl: string;
  control<T = unknown>(path: string, body?: unknown, method?: string): Promise<T>;
  newRealm(input?: Record<string, unknown>): Promise<string>;
  issueTokens(realmId: string): Promise<TokenResponse>;
  /** A client of a new realm with fast retries, a private limiter and a valid token. */
  newClient(overrides?: Partial<QuickBooksClientOptions>): Promise<ReturnType<typeof createQuickBooksClient>>;
  close(): Promise<void>;
}

export async function startEmulator(options: QuickBooksEmulatorOptions = {}): Promise<EmulatorHarness> {
  const app = createQuickBooksEmulator({ rateLimits: false, ...options });
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });

  async function control<T>(path: string, body?: unknown, method?: string): Promise<T> {
    const init: RequestInit = { method: method ?? (body === undefined ? 'GET' : 'POST') };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { 'Content-Type': 'application/json' };
    }
    const response = await fetch(`${baseUrl}${path}`, init);
    const json = (await response.json()) as T;
    if (!response.ok) throw new Error(`control ${path} → ${response.status} ${JSON.stringify(json)}`);
    return json;
  }

  const harness: EmulatorHarness = {
    baseUrl,
    control,
    async newRealm(input = {}) {
      return (await control<{ realmId: string }>('/_emulator/realms', input)).realmId;
    },
    issueTokens: (realmId) => control<TokenResponse>('/_emulator/tokens', { realmId }),
    async newClient(overrides = {}) {
      const realmId = overrides.realmId ?? (await harness.newRealm());
      const tokens = overrides.tokens ?? staticAccessToken((await harness.issueTokens(realmId)).access_token);
      return createQuickBooksClient({
        baseUrl,
        realmId,
        tokens,
        limiter: new RealmRateLimiter(QBO_RATE_LIMITS),
        retry: { baseDelayMs: 2, maxDelayMs: 20, throttleWaitMs: 20, timeoutMs: 5_000 },
        ...overrides,
      });
    },
    close: () => app.close(),
  };
  return harness;
}
