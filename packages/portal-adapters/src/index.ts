// Public surface of @ledgersync/portal-adapters: one portal's adapters from its stored tokens, and
// the rate limits every process shares.

export { createPortsFor, type PortalAdaptersOptions } from './create-ports-for.ts';
export type { PortalPorts, PortsFor } from './portal-ports.ts';
export { createSharedRateLimiters } from './shared-limits/create-shared-rate-limiters.ts';
