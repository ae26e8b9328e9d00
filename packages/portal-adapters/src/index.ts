// Public surface of @ledgersync/portal-adapters: one portal's adapters from its stored tokens.

export { createPortsFor, type PortalAdaptersOptions } from './create-ports-for.ts';
export type { PortalPorts, PortsFor } from './portal-ports.ts';
