import { syncError } from '../errors/sync-error-catalogue.ts';
import { stableEqual } from '../mapping/stable-equal.ts';
import { normalizeDecimal } from '../money/money.ts';
import type { Link } from '../ports/link.ts';
import type { SideRecord } from '../records/side-record.ts';
import { describeQuickBooksEdits } from '../rules/hubspot-invoice-edited-in-quickbooks.ts';
import { bumpLink, type PlanContext } from './plan-context.ts';
import { planLinkedPair } from './plan-linked-pair.ts';
import { actionId, type PlanAction } from './plan-types.ts';

/**
 * R-EDT-1: a payment of a HubSpot-created invoice is HubSpot's to change. When QBO loses it (a
 * bookkeeper deleted it), HubSpot's payment is not marked or touched: the link remembers that
 * QBO's copy is gone and the payment fails with R-ERR-4 (so does its invoice, planned on its own).
 * It heals when QBO holds it again: recorded there again for the same invoices and amounts (the
 * new QBO payment takes the link), or HubSpot's payment edited (it is sent to QBO again).
 */

/** The HubSpot-created invoices a HubSpot payment applies to (their links). */
function hubspotCreatedInvoices(ctx: PlanContext, payment: SideRecord<'payment'>): Link[] {
  return payment.record.appliedTo.flatMap((a) => {
    const link = ctx.refs.linkOf('invoice', 'hubspot', a.invoiceId);
    return link?.origin === 'hubspot' ? [link] : [];
  });
}

/** What a payment pays, in a form both sides share: invoice link ids and amounts. */
function applications(ctx: PlanContext, payment: SideRecord<'payment'>): string {
  return payment.record.appliedTo
    .map((a) => `${ctx.refs.linkIdOf('invoice', payment.side, a.invoiceId)}=${normalizeDecimal(a.amount)}`)
    .sort()
    .join(',');
}

/** True when `link` pairs a payment of a HubSpot-created invoice whose QBO copy was deleted. */
export function isPaymentDeletedInQuickBooks(link: Link): boolean {
  return link.object === 'payment' && link.state === 'counterpart_deleted' && link.deletedOn === 'quickbooks';
}

function failed(ctx: PlanContext, payment: SideRecord<'payment'>, link: Link): PlanAction {
  const error = syncError('hubspot_native_edited_in_quickbooks', describeQuickBooksEdits(['payments']));
  return {
    id: actionId('payment', 'hubspot', payment.id, 'fail-quickbooks'),
    object: 'payment',
    source: { side: 'hubspot', id: payment.id },
    kind: 'fail',
    linkId: link.id,
    ...(isPaymentDeletedInQuickBooks(link)
      ? {}
      : { link: bumpLink(link, ctx.now, { state: 'counterpart_deleted', deletedOn: 'quickbooks' }) }),
    reason: error.message,
    error,
  };
}

/**
 * The QBO side of a linked payment is gone. Null when the R-OBJ-7 rule applies instead (the
 * payment is not a HubSpot-created invoice's, or HubSpot's payment is not at hand).
 */
export function planPaymentDeletedInQuickBooks(ctx: PlanContext, link: Link): PlanAction[] | null {
  const hubspotId = link.hubspotId;
  const payment = hubspotId === null ? null : ctx.recordOf('payment', 'hubspot', hubspotId);
  if (payment === null || payment.deleted || hubspotCreatedInvoices(ctx, payment).length === 0) return null;
  return [failed(ctx, payment, link)];
}

/**
 * HubSpot's payment, planned while its QBO copy is gone: unchanged since the last sync, it stays
 * failed; edited in HubSpot, it is sent to QBO again (`recreate` plans the create). Null when the
 * R-OBJ-7 rule applies instead.
 */
export function planOrphanedHubSpotPayment(
  ctx: PlanContext,
  payment: SideRecord<'payment'>,
  link: Link,
  recreate: (link: Link) => PlanAction[],
): PlanAction[] | null {
  if (!isPaymentDeletedInQuickBooks(link) || hubspotCreatedInvoices(ctx, payment).length === 0) return null;
  const givenBack = ctx.candidates.some(
    (c) =>
      c.object === 'payment' &&
      c.side === 'quickbooks' &&
      !c.deleted &&
      ctx.refs.linkOf('payment', 'quickbooks', c.id) === null &&
      applications(ctx, c as SideRecord<'payment'>) === applications(ctx, payment),
  );
  if (givenBack) {
    // A QBO payment of this batch gives it back and takes the link when it is planned.
    return [
      {
        id: actionId('payment', 'hubspot', payment.id),
        object: 'payment',
        source: { side: 'hubspot', id: payment.id },
        kind: 'skip',
        linkId: link.id,
        nextBase: null,
        reason: 'recorded again in QuickBooks',
      },
    ];
  }
  const base = ctx.baseOf(link.id)?.hubspot ?? null;
  if (base !== null && stableEqual(base, payment.record)) return [failed(ctx, payment, link)];
  const { deletedOn: _gone, ...rest } = link;
  return recreate({ ...rest, quickbooksId: null, state: 'active' });
}

/**
 * A QBO payment not linked yet that gives back what a deleted one held: the same invoices (which
 * are HubSpot-created) and amounts as a HubSpot payment whose QBO copy is gone. That HubSpot
 * payment is its counterpart: the link moves to the new QBO payment and nothing is created in
 * HubSpot. Null when there is no such HubSpot payment.
 */
export function planRecordedAgainInQuickBooks(
  ctx: PlanContext,
  src: SideRecord<'payment'>,
): PlanAction[] | null {
  const wanted = applications(ctx, src);
  const found = ctx.candidates.find((c): c is SideRecord<'payment'> => {
    if (c.object !== 'payment' || c.side !== 'hubspot' || c.deleted) return false;
    const link = ctx.refs.linkOf('payment', 'hubspot', c.id);
    const payment = c as SideRecord<'payment'>;
    return (
      link !== null &&
      isPaymentDeletedInQuickBooks(link) &&
      hubspotCreatedInvoices(ctx, payment).length > 0 &&
      applications(ctx, payment) === wanted
    );
  });
  const orphan = found ? ctx.refs.linkOf('payment', 'hubspot', found.id) : null;
  if (!found || orphan === null) return null;
  const { deletedOn: _gone, ...rest } = orphan;
  const link = bumpLink({ ...rest, state: 'active' }, ctx.now, { quickbooksId: src.id });
  ctx.refs.add(link);
  return [
    {
      id: actionId('payment', 'quickbooks', src.id, 'link'),
      object: 'payment',
      source: { side: 'quickbooks', id: src.id },
      kind: 'link',
      link,
      nextBase: null,
      conflicts: [],
      reason: 'recorded again in QuickBooks',
    },
    ...planLinkedPair(ctx, 'payment', link, { hubspot: found, quickbooks: src }, 'quickbooks'),
  ];
}
