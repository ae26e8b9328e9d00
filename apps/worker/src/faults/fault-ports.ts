import { RateLimiterRegistry } from '@ledgersync/hubspot';
import { createPortsFor, type PortalPorts } from '@ledgersync/portal-adapters';
import { type AccessTokenSource, QBO_RATE_LIMITS, RealmLimiterRegistry } from '@ledgersync/quickbooks';
import type { TestPortal, TestWorld } from '@ledgersync/test-world';
import type { VirtualTime } from './virtual-time.ts';

export interface FaultPortsOptions {
  readonly qboTokens?: AccessTokenSource;
  /** A request QBO has not answered after this long is abandoned and retried (stalls). */
  readonly qboTimeoutMs?: number;
  /** The QBO adapter's network, to act at an exact point of a run (a concurrent edit, a revoke). */
  readonly qboFetch?: typeof fetch;
}

/**
 * A portal's production adapters, from the factory the worker uses, with every wait on virtual
 * time and QBO's request timeout shortened, so a fault scenario plays its retries without sleeping.
 */
export async function faultPorts(
  world: TestWorld,
  p: TestPortal,
  time: VirtualTime,
  options: FaultPortsOptions = {},
): Promise<PortalPorts> {
  const { qboTokens } = options;
  const ports = await createPortsFor({
    ...world.adapterOptions,
    rateLimiters: {
      hubspot: new RateLimiterRegistry({ now: time.now, sleep: time.sleep }),
      quickbooks: new RealmLimiterRegistry(QBO_RATE_LIMITS, { now: time.now, sleep: time.sleep }),
    },
    time: { now: time.now, sleep: time.sleep },
    quickbooksRetry: { timeoutMs: options.qboTimeoutMs ?? 10_000 },
    ...(options.qboFetch ? { quickbooksFetch: options.qboFetch } : {}),
    ...(qboTokens ? { quickbooksTokens: () => qboTokens } : {}),
  })(p.portalId);
  if (!ports) throw new Error(`portal ${p.portalId} has no usable installation or QBO connection`);
  return ports;
}
