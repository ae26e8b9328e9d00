import type { RunnerPorts } from '@ledgersync/sync-engine';

/** The adapter side of a drain for one portal: built from its stored tokens by `main.ts`. */
export type PortalPorts = Omit<RunnerPorts, 'store' | 'clock'>;

/**
 * Builds a portal's adapters. Returns null when the portal cannot sync right now (no QBO
 * connection, or one that needs re-authorization): its notices then stay pending.
 */
export type PortsFor = (portalId: string) => Promise<PortalPorts | null>;
