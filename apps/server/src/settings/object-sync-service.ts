import {
  listEnabledObjects,
  type ObjectSettingsChange,
  readObjectSettings,
  type SyncSettings,
  saveObjectSettings,
} from '@ledgersync/db';
import type { SyncObject } from '@ledgersync/sync-engine';
import { quickbooksAccess } from '../access/quickbooks-access.ts';
import type { UpdateObjectSettings } from '../api-contract/settings.ts';
import type { RouteContext } from '../deps.ts';
import { readTaxMapping } from './stored-settings.ts';
import { assertCanTurnOn } from './turn-on-checks.ts';

/**
 * Turns an object's sync on or off, or edits it (R-CON-4, R-OBJ-4, R-FLT-1): an object turned on
 * without a direction syncs both ways; turning on (and editing a running sync, since a new
 * direction may need what the old one did not) passes the turn-on checks first; payments follow
 * invoices; the sync's start is fixed at the first turn-on. The worker hears of an on/off change.
 */
export async function changeObjectSync(
  ctx: RouteContext,
  portalId: string,
  object: SyncObject,
  request: UpdateObjectSettings,
): Promise<SyncSettings> {
  const current = await readObjectSettings(ctx.db, portalId, object);
  const direction =
    request.direction ?? (current?.direction === 'off' || !current ? 'two_way' : current.direction);
  const turningOn = request.enabled === true && !current?.enabled;
  const enabled = request.enabled ?? current?.enabled ?? false;
  if (enabled) {
    // A sync runs against a connected company: turning one on without it is refused here.
    const access = await quickbooksAccess(ctx, portalId);
    await assertCanTurnOn(object, direction, {
      enabledObjects: () => listEnabledObjects(ctx.db, portalId),
      company: () => ctx.quickbooks.company(access.realmId, access.accessToken),
      customLineItemIncomeAccountId: current?.customLineItemIncomeAccountId ?? null,
      taxMapping: readTaxMapping(current),
    });
  }
  const now = ctx.now();
  const changes: ObjectSettingsChange[] = [
    {
      object,
      patch: {
        direction,
        enabled,
        ...(request.conflictResolution ? { conflictResolution: request.conflictResolution } : {}),
        // R-FLT-1: "after the moment the sync was turned on" is fixed at the first turn-on.
        ...(turningOn && !current?.syncStartedAt ? { syncStartedAt: now } : {}),
      },
    },
  ];
  if (object === 'invoice') changes.push(paymentsFollowingInvoices(enabled, direction, now));
  const [row] = await saveObjectSettings(ctx.db, portalId, changes);
  if (!row) throw new Error(`saving ${object} settings returned no row`);
  if (current?.enabled !== row.enabled) await ctx.syncControl.setObjectEnabled(portalId, object, row.enabled);
  return row;
}

/** R-OBJ-4: payments follow invoices when invoice sync sends to QBO; inbound-only leaves them off. */
function paymentsFollowingInvoices(
  invoicesEnabled: boolean,
  direction: SyncSettings['direction'],
  now: Date,
): ObjectSettingsChange {
  const on = invoicesEnabled && direction !== 'quickbooks_to_hubspot';
  return {
    object: 'payment',
    patch: { enabled: on, ...(on ? { direction: 'two_way' } : {}) },
    onCreate: on ? { syncStartedAt: now } : {},
  };
}
