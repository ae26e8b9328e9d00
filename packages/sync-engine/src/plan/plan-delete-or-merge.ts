import { idempotencyKey } from '../ports/idempotency-key.ts';
import type { Link } from '../ports/link.ts';
import type { AnySideRecord } from '../records/side-record.ts';
import { otherSide } from '../records/sync-object.ts';
import { bumpLink, type PlanContext } from './plan-context.ts';
import { planPaymentDeletedInQuickBooks } from './plan-payment-deleted-in-quickbooks.ts';
import { actionId, type PlanAction } from './plan-types.ts';

/**
 * R-OBJ-7: a delete on one side never deletes on the other; the surviving record is marked and
 * the link says so. A merge re-points the link to the surviving record. A payment of a
 * HubSpot-created invoice deleted in QBO is R-EDT-1's instead (see planPaymentDeletedInQuickBooks).
 */
export function planDeleteOrMerge(ctx: PlanContext, src: AnySideRecord, link: Link | null): PlanAction[] {
  const { object } = src;
  const head = { id: actionId(object, src.side, src.id), object, source: { side: src.side, id: src.id } };
  const target = otherSide(src.side);
  const counterpartId = link ? (target === 'hubspot' ? link.hubspotId : link.quickbooksId) : null;
  if (link === null || counterpartId === null) {
    return [{ ...head, kind: 'skip', linkId: link?.id ?? null, nextBase: null, reason: 'never synced' }];
  }
  if (link.state === 'counterpart_deleted') {
    return [{ ...head, kind: 'skip', linkId: link.id, nextBase: null, reason: 'already marked' }];
  }
  if (object === 'payment' && src.side === 'quickbooks' && src.mergedInto === undefined) {
    const kept = planPaymentDeletedInQuickBooks(ctx, link);
    if (kept) return kept;
  }

  if (src.mergedInto !== undefined) {
    const survivorLink = ctx.refs.linkOf(object, src.side, src.mergedInto);
    if (survivorLink === null) {
      const moved = bumpLink(
        link,
        ctx.now,
        src.side === 'hubspot' ? { hubspotId: src.mergedInto } : { quickbooksId: src.mergedInto },
      );
      ctx.refs.add(moved);
      return [
        {
          ...head,
          kind: 'link',
          link: moved,
          nextBase: null,
          conflicts: [],
          reason: `merged into ${src.mergedInto}`,
        },
      ];
    }
    // The survivor already has its own counterpart: this link's counterpart is left without a partner.
  }

  const marked = bumpLink(link, ctx.now, { state: 'counterpart_deleted', deletedOn: src.side });
  return [
    {
      ...head,
      kind: 'write',
      side: target,
      command: {
        kind: 'mark_counterpart_deleted',
        object,
        id: counterpartId,
        idempotencyKey: idempotencyKey(ctx.portalId, object, src.side, src.id, link.linkVersion, 'deleted'),
      },
      link: marked,
      fields: [],
      conflicts: [],
      dependsOn: [],
      nextBase: null,
      reason:
        src.mergedInto !== undefined
          ? `merged into ${src.mergedInto}, which is already linked; the counterpart is kept and marked`
          : `deleted in ${src.side}; the ${target} record is kept and marked`,
    },
  ];
}
