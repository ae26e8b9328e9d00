import { readObjectSettings } from '@ledgersync/db';
import { sourceSidesOf } from '@ledgersync/jobs';
import {
  estimateFirstSync,
  type FirstSyncEstimate,
  otherSide,
  type RecordCounter,
} from '@ledgersync/sync-engine';
import { hubspotAccessToken } from '../access/hubspot-access.ts';
import { quickbooksAccess } from '../access/quickbooks-access.ts';
import type { RouteContext } from '../deps.ts';
import { unavailable } from '../http/http-error.ts';

/**
 * R-CON-7: what turning a contact or product rule on will do, per source side ("About 1,240
 * QuickBooks customers will be created as HubSpot contacts; 310 match existing contacts"), from
 * both APIs' count and search calls. `direction` is the one the admin is about to choose; the
 * rule's saved direction (both ways for a rule never set) otherwise.
 */
export async function estimateFirstSyncs(
  ctx: RouteContext,
  portal: { readonly id: string; readonly hubId: bigint },
  object: 'customer' | 'product',
  direction: string | undefined,
): Promise<FirstSyncEstimate[]> {
  const saved = await readObjectSettings(ctx.db, portal.id, object);
  const chosen = direction ?? (saved && saved.direction !== 'off' ? saved.direction : 'two_way');
  const [token, qbo] = await Promise.all([
    hubspotAccessToken(ctx, portal.id),
    quickbooksAccess(ctx, portal.id),
  ]);
  const counters: Record<'hubspot' | 'quickbooks', RecordCounter> = {
    hubspot: ctx.hubspot.recordCounter(token, portal.hubId.toString()),
    quickbooks: ctx.quickbooks.recordCounter(qbo.realmId, qbo.accessToken),
  };
  const out: FirstSyncEstimate[] = [];
  for (const side of sourceSidesOf(chosen)) {
    const result = await estimateFirstSync(counters[side], counters[otherSide(side)], object);
    if (!result.ok)
      throw unavailable(
        'count_unavailable',
        `${side === 'hubspot' ? 'HubSpot' : 'QuickBooks Online'} could not count the records just now; try again in a minute.`,
      );
    out.push(result.value);
  }
  return out;
}
