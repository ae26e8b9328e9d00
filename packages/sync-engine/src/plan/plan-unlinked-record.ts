import type { FilterResult } from '../filters/filter-result.ts';
import { filterInboundInvoice } from '../filters/inbound-invoice-filters.ts';
import { filterOutboundInvoice } from '../filters/outbound-invoice-filters.ts';
import { customerFilterDecision, productFilterDecision } from '../filters/record-filters.ts';
import { chooseDisplayName } from '../matching/display-name.ts';
import { matchCustomerByEmail, matchProductBySku } from '../matching/match-by-natural-key.ts';
import { directionAllowsWriteTo } from '../merge/conflict-policy.ts';
import { idempotencyKey } from '../ports/idempotency-key.ts';
import type { Link } from '../ports/link.ts';
import type { AnySideRecord, RecordOf, SideRecord } from '../records/side-record.ts';
import { otherSide, type Side } from '../records/sync-object.ts';
import { checkOutboundInvoice } from '../rules/check-outbound-invoice.ts';
import { checkPayment } from '../rules/check-payment.ts';
import { buildCreateRecord } from './build-create-record.ts';
import type { PlanContext } from './plan-context.ts';
import { planLinkedPair } from './plan-linked-pair.ts';
import { planRecordedAgainInQuickBooks } from './plan-payment-deleted-in-quickbooks.ts';
import { actionId, newLinkId, type PlanAction } from './plan-types.ts';
import { pendingDependencies } from './references.ts';

// Exclusions whose detail names the value or filter at fault, in people's words.
const NAMED_EXCLUSIONS = new Set<string>(['not_hubspot_source', 'unknown_invoice_source', 'filtered']);

/**
 * Plans a record with no counterpart yet: exclusion by settings and filters (R-FLT-*), a first
 * match by email or SKU (R-OBJ-1, R-OBJ-2), or a create on the other side.
 */
export function planUnlinkedRecord(ctx: PlanContext, src: AnySideRecord, link: Link | null): PlanAction[] {
  const { object } = src;
  const cfg = ctx.config(object);
  const target = otherSide(src.side);
  const head = { id: actionId(object, src.side, src.id), object, source: { side: src.side, id: src.id } };
  const linkId = link?.id ?? null;
  const exclude = (f: FilterResult): PlanAction[] | null =>
    f.included
      ? null
      : [
          {
            ...head,
            kind: 'exclude',
            linkId,
            // An invoice source or a filter is named in people's words (the card and the overview show it).
            reason: NAMED_EXCLUSIONS.has(f.exclusion.reason)
              ? (f.exclusion.detail ?? f.exclusion.reason)
              : f.exclusion.reason,
            exclusion: f.exclusion,
          },
        ];

  // Our own catch-all item (R-OBJ-1) comes back on every invoice we write; it is no product to sync
  // and no exclusion to report (R-EDT-3).
  if (object === 'product' && src.side === 'quickbooks' && src.id === ctx.projection.customLineItemId) {
    return [
      { ...head, kind: 'skip', linkId, nextBase: null, reason: 'the Custom Line Item is LedgerSync’s own' },
    ];
  }
  if (!cfg.enabled) {
    const reason = object === 'payment' && ctx.settings.invoice.enabled ? 'payments_not_synced' : 'sync_off';
    return exclude({ included: false, exclusion: { reason } }) ?? [];
  }
  if (!directionAllowsWriteTo(cfg.direction, target)) {
    return exclude({ included: false, exclusion: { reason: 'direction', detail: cfg.direction } }) ?? [];
  }
  const filtered = exclude(filterFor(ctx, src));
  if (filtered) return filtered;

  if (object === 'payment' && src.side === 'quickbooks') {
    const recordedAgain = planRecordedAgainInQuickBooks(ctx, src as SideRecord<'payment'>);
    if (recordedAgain) return recordedAgain;
  }
  const match = findMatch(ctx, src);
  if (match) {
    const origin: Side = Date.parse(match.createdAt) < Date.parse(src.createdAt) ? match.side : src.side;
    const originId = origin === src.side ? src.id : match.id;
    const newLink: Link = {
      id: link?.id ?? newLinkId(object, origin, originId),
      portalId: ctx.portalId,
      object,
      hubspotId: src.side === 'hubspot' ? src.id : match.id,
      quickbooksId: src.side === 'quickbooks' ? src.id : match.id,
      origin,
      linkVersion: link?.linkVersion ?? 0,
      state: 'active',
      pendingCreate: null,
      lastSyncedAt: ctx.now,
    };
    ctx.refs.add(newLink);
    const pair = {
      hubspot: src.side === 'hubspot' ? src : match,
      quickbooks: src.side === 'quickbooks' ? src : match,
    };
    const linkAction: PlanAction = {
      ...head,
      id: actionId(object, src.side, src.id, 'link'),
      kind: 'link',
      link: newLink,
      nextBase: null,
      conflicts: [],
      reason: object === 'customer' ? 'matched by email' : 'matched by SKU',
    };
    return [linkAction, ...planLinkedPair(ctx, object, newLink, pair, src.side)];
  }

  const deps = pendingDependencies(object, src.side, src.record, ctx.creating);
  if (deps.length > 0)
    return [{ ...head, kind: 'defer', linkId, reason: 'waits for related records', dependsOn: deps }];
  const built = buildCreateRecord(ctx, object, src, target);
  const fail = (error: Extract<PlanAction, { kind: 'fail' }>['error']): PlanAction[] => [
    { ...head, kind: 'fail', linkId, reason: error.message, error },
  ];
  if (!built.ok) return fail(built.error);
  let record = built.record;
  if (object === 'invoice' && target === 'quickbooks') {
    const inv = record as RecordOf<'invoice'>;
    const currency =
      inv.customerId === null
        ? null
        : (ctx.recordOf('customer', 'quickbooks', inv.customerId)?.record.currency ?? null);
    const error = checkOutboundInvoice(inv, currency, ctx.company);
    if (error) return fail(error);
  }
  if (object === 'payment') {
    const error = checkPayment(record as RecordOf<'payment'>);
    if (error) return fail(error);
  }
  if (object === 'customer' && target === 'quickbooks') {
    const name = chooseDisplayName(
      record as RecordOf<'customer'>,
      ctx.takenDisplayNames,
      ctx.settings.customer.avoidDuplicateDisplayNames,
    );
    if (!name.ok) return fail(name.error);
    ctx.takenDisplayNames.add(name.displayName.toLowerCase());
    record = { ...(record as RecordOf<'customer'>), displayName: name.displayName };
  }

  const version = link?.linkVersion ?? 0;
  const key =
    link?.pendingCreate?.idempotencyKey ??
    idempotencyKey(ctx.portalId, object, src.side, src.id, version, 'create');
  const nextLink: Link = {
    id: link?.id ?? newLinkId(object, src.side, src.id),
    portalId: ctx.portalId,
    object,
    hubspotId: src.side === 'hubspot' ? src.id : null,
    quickbooksId: src.side === 'quickbooks' ? src.id : null,
    origin: src.side,
    linkVersion: version + 1,
    state: 'active',
    pendingCreate: { side: target, idempotencyKey: key },
    lastSyncedAt: ctx.now,
  };
  ctx.creating.add(head.id);
  return [
    {
      ...head,
      kind: 'write',
      side: target,
      command: { kind: 'create', object, record, counterpartId: src.id, idempotencyKey: key },
      link: nextLink,
      fields: [],
      conflicts: [],
      dependsOn: [],
      reason: `new ${object} from ${src.side}`,
      nextBase: {
        linkId: nextLink.id,
        object,
        hubspot: target === 'hubspot' ? record : src.record,
        quickbooks: target === 'quickbooks' ? record : src.record,
        hubspotVersion: src.side === 'hubspot' ? src.version : null,
        quickbooksVersion: src.side === 'quickbooks' ? src.version : null,
        syncedAt: ctx.now,
      },
    },
  ];
}

function filterFor(ctx: PlanContext, src: AnySideRecord): FilterResult {
  const cfg = ctx.config(src.object);
  if (src.object === 'product') return productFilterDecision(src, ctx.settings);
  if (src.object === 'customer') {
    return customerFilterDecision(src, ctx.settings, {
      isBillingContactOfSyncedInvoice: isBillingContactOfSyncedInvoice(ctx, src),
    });
  }
  if (src.object !== 'invoice') return { included: true };
  if (src.side === 'hubspot') return filterOutboundInvoice(src, cfg.syncStartedAt);
  const customerId = src.record.customerId;
  const customer = customerId === null ? null : ctx.recordOf('customer', 'quickbooks', customerId);
  return filterInboundInvoice(src, customer?.record ?? null, cfg.inboundFilters);
}

/**
 * A HubSpot contact is needed in QBO when an invoice of this batch bills it and that invoice is
 * synced (linked) or passes the outbound filters now; the batch gathers every invoice's contact.
 */
function isBillingContactOfSyncedInvoice(ctx: PlanContext, contact: SideRecord<'customer'>): boolean {
  if (contact.side !== 'hubspot') return false;
  const syncStartedAt = ctx.config('invoice').syncStartedAt;
  return ctx.candidates.some(
    (r) =>
      r.object === 'invoice' &&
      r.side === 'hubspot' &&
      r.record.customerId === contact.id &&
      (ctx.refs.linkOf('invoice', 'hubspot', r.id) !== null ||
        (ctx.config('invoice').enabled && filterOutboundInvoice(r, syncStartedAt).included)),
  );
}

function findMatch(ctx: PlanContext, src: AnySideRecord): AnySideRecord | null {
  const isLinked = (c: SideRecord) => ctx.refs.linkOf(c.object, c.side, c.id) !== null;
  const oldestFirst = <T extends SideRecord>(xs: readonly T[]) =>
    [...xs].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : 1))[0] ??
    null;
  if (src.object === 'customer') {
    const pool = ctx.candidates.filter((c): c is SideRecord<'customer'> => c.object === 'customer');
    const m = matchCustomerByEmail(src, pool, isLinked);
    // Emails are not unique in QBO: the oldest customer wins, deterministically.
    return m.kind === 'one' ? m.match : m.kind === 'ambiguous' ? oldestFirst(m.matches) : null;
  }
  if (src.object === 'product') {
    const pool = ctx.candidates.filter((c): c is SideRecord<'product'> => c.object === 'product');
    const m = matchProductBySku(src, pool, isLinked);
    return m.kind === 'one' ? m.match : m.kind === 'ambiguous' ? oldestFirst(m.matches) : null;
  }
  return null;
}
