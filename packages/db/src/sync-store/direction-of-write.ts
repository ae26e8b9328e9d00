import type { Side } from '@ledgersync/sync-engine';
import type { SyncDirection } from '../generated/prisma/client.ts';

/** The direction of one write, as activity rows record it: the side written is the target. */
export const directionOfWrite = (written: Side): SyncDirection =>
  written === 'quickbooks' ? 'hubspot_to_quickbooks' : 'quickbooks_to_hubspot';
