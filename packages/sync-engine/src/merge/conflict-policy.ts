import type { Side } from '../records/sync-object.ts';
import type { ConflictPolicy, Direction } from '../settings/portal-settings.ts';

/** R-MAP-2: the side whose value wins a field both sides changed (or a first match that differs). */
export function conflictWinner(policy: ConflictPolicy): Side {
  switch (policy.kind) {
    case 'prefer_hubspot':
      return 'hubspot';
    case 'prefer_quickbooks':
      return 'quickbooks';
  }
}

/** Whether an object's sync direction lets data be written into `target`. */
export function directionAllowsWriteTo(direction: Direction, target: Side): boolean {
  if (direction === 'two_way') return true;
  return target === (direction === 'hubspot_to_quickbooks' ? 'quickbooks' : 'hubspot');
}
