import { Client } from '@hubspot/api-client';
import type { ApiCallObserver } from '@ledgersync/sync-engine';
import { HubSpotCallError, type HubSpotFailure, toHubSpotFailure, tokenFailure } from './hubspot-failure.ts';
import type { Budget, PortalLimiter } from './rate-limiter.ts';
import { DEFAULT_RETRY_POLICY, decideRetry, type RetryPolicy } from './retry-policy.ts';

export interface HubSpotClientOptions {
  /** `https://api.hubapi.com` in production, the emulator's URL in tests. */
  readonly basePath: string;
  readonly portalId: string;
  /** Supplies a valid access token; asked before every request (the stored tokens, read fresh). */
  readonly accessToken: () => Promise<string>;
  /** Asked once when HubSpot answers 401, before the single retry (forces a refresh). */
  readonly onUnauthorized?: (failedToken: string) => Promise<void>;
  /** The portal's limiter: in-process (`RateLimiterRegistry`) or shared by every process. */
  readonly rateLimiter: PortalLimiter;
  readonly retry?: Partial<RetryPolicy>;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  /** Told about every failed attempt (for logs/metrics); carries no secrets. */
  readonly onFailure?: (failure: HubSpotFailure, attempt: number) => void;
  /** Told how every request sent to HubSpot ended, retries included (for metrics). */
  readonly onApiCall?: ApiCallObserver;
}

export interface HubSpotClient {
  readonly portalId: string;
  /** Runs one SDK call under the portal's budget with our retries; throws `HubSpotCallError`. */
  call<T>(budget: Budget, fn: (sdk: Client) => Promise<WithHeaders<T>>): Promise<T>;
}

/** What the SDK's `…WithHttpInfo` methods resolve to: the only place success headers are visible. */
export interface WithHeaders<T> {
  readonly headers: Record<string, string>;
  readonly data: T;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The SDK takes no abort signal, so a stalled request is abandoned rather than cancelled: the call
 * fails as a network timeout (ETIMEDOUT) and the request's own late outcome is ignored.
 */
function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })),
      timeoutMs,
    );
  });
  work.catch(() => {});
  return Promise.race([work, timedOut]).finally(() => clearTimeout(timer));
}

export function createHubSpotClient(options: HubSpotClientOptions): HubSpotClient {
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const limiter = options.rateLimiter;
  let current: { token: string; sdk: Client } | null = null;

  // One SDK client per access token: 13.4 ignores middleware given in its configuration, so the
  // token is set the SDK's own way and a new token means a new (cheap) client. The SDK's retry and
  // limiter decorators live in a process-wide singleton that the next `new Client()` anywhere
  // replaces, so none are configured (retries 0) and the discoveries we use are built at once,
  // while that singleton holds no decorators.
  function sdkFor(token: string): Client {
    if (current?.token === token) return current.sdk;
    const sdk = new Client({ basePath: options.basePath, accessToken: token, numberOfApiCallRetries: 0 });
    void sdk.crm.objects;
    void sdk.crm.associations.v4;
    void sdk.crm.properties;
    current = { token, sdk };
    return sdk;
  }

  async function call<T>(budget: Budget, fn: (client: Client) => Promise<WithHeaders<T>>): Promise<T> {
    let attempt = 0;
    let waits429 = 0;
    let refreshed = false;
    let usedToken = '';
    for (;;) {
      attempt += 1;
      const release = await limiter.acquire(budget);
      try {
        const response = await (async () => {
          usedToken = await options.accessToken().catch((error: unknown) => {
            throw new HubSpotCallError(tokenFailure(error));
          });
          return withTimeout(fn(sdkFor(usedToken)), policy.timeoutMs);
        })().finally(release);
        options.onApiCall?.('ok');
        limiter.observe(response.headers);
        return response.data;
      } catch (error) {
        if (error instanceof HubSpotCallError) throw error;
        const headers = (error as { headers?: unknown }).headers;
        if (headers && typeof headers === 'object') limiter.observe(headers as Record<string, string>);
        const failure = toHubSpotFailure(error);
        options.onApiCall?.(failure.status ?? (failure.networkCode === 'ETIMEDOUT' ? 'timeout' : 'network'));
        options.onFailure?.(failure, attempt);
        if (failure.status === 401 && !refreshed && options.onUnauthorized) {
          refreshed = true;
          attempt -= 1;
          await options.onUnauthorized(usedToken);
          continue;
        }
        const decision = decideRetry(failure, {
          attempt,
          waits429,
          budget,
          intervalMs: limiter.windowMs('standard'),
          random,
          policy,
        });
        if (decision.kind === 'give_up') throw new HubSpotCallError(failure);
        if (decision.kind === 'wait_rate_limit') {
          waits429 += 1;
          attempt -= 1;
          limiter.holdFor(decision.budget, decision.holdMs);
        } else {
          await sleep(decision.delayMs);
        }
      }
    }
  }

  return { portalId: options.portalId, call };
}
