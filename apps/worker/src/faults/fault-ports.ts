import {
  type AccessTokenSource,
  createQuickBooksAdapter,
  QBO_RATE_LIMITS,
  RealmRateLimiter,
  staticAccessToken,
} from '@ledgersync/quickbooks';
import {
  createHubSpotClient,
  createHubSpotSideReader,
  createHubSpotSideWriter,
  RateLimiterRegistry,
} from '../adapters/hubspot-adapter.ts';
import type { E2ePortal, E2eWorld } from '../e2e/e2e-world.ts';
import type { PortalPorts } from '../portal-ports.ts';
import type { VirtualTime } from './virtual-time.ts';

export interface FaultPortsOptions {
  readonly qboTokens?: AccessTokenSource;
  /** A request QBO has not answered after this long is abandoned and retried (stalls). */
  readonly qboTimeoutMs?: number;
  /** The QBO adapter's network, to act at an exact point of a run (a concurrent edit, a revoke). */
  readonly qboFetch?: typeof fetch;
}

/**
 * A portal's production adapters, as the worker builds them, with every wait on virtual time and
 * QBO's request timeout shortened, so a fault scenario plays its retries without sleeping.
 */
export function faultPorts(
  world: E2eWorld,
  p: E2ePortal,
  time: VirtualTime,
  options: FaultPortsOptions = {},
): PortalPorts {
  const limits = new RateLimiterRegistry({ now: time.now, sleep: time.sleep });
  const hubspot = createHubSpotClient({
    basePath: world.hubspotUrl,
    portalId: p.hubId,
    accessToken: async () => p.hubspotToken,
    rateLimiter: limits.forPortal(p.hubId),
    sleep: time.sleep,
  });
  const qbo = createQuickBooksAdapter({
    baseUrl: world.qboUrl,
    realmId: p.realmId,
    tokens: options.qboTokens ?? staticAccessToken(p.qboToken),
    limiter: new RealmRateLimiter(QBO_RATE_LIMITS, { now: time.now, sleep: time.sleep }),
    time: { now: time.now, sleep: time.sleep },
    retry: { timeoutMs: options.qboTimeoutMs ?? 10_000 },
    ...(options.qboFetch ? { fetch: options.qboFetch } : {}),
    customLineItemIncomeAccountId: p.incomeAccountId,
  });
  return {
    readers: { hubspot: createHubSpotSideReader({ client: hubspot, now: time.now }), quickbooks: qbo.reader },
    writers: { hubspot: createHubSpotSideWriter({ client: hubspot, now: time.now }), quickbooks: qbo.writer },
    company: qbo.company,
    customLineItem: qbo.customLineItems,
  };
}
