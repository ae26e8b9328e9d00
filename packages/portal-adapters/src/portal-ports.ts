import type { RecordCounter, RunnerPorts, Side } from '@ledgersync/sync-engine';

/** The adapter side of a drain for one portal: what the runner needs besides its store and clock. */
export type PortalPorts = Omit<RunnerPorts, 'store' | 'clock'> & {
  /** Counts without reading: progress totals and first-sync estimates. */
  readonly counters: Readonly<Record<Side, RecordCounter>>;
};

/**
 * Builds a portal's adapters. Returns null when the portal cannot sync right now (no HubSpot
 * installation, no QBO connection, or one whose tokens are gone): its notices then stay pending.
 */
export type PortsFor = (portalId: string) => Promise<PortalPorts | null>;
