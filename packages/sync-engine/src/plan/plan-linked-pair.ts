import { syncError } from '../errors/sync-error-catalogue.ts';
import type { SyncError } from '../errors/sync-error-code.ts';
import type { FieldSpec } from '../mapping/field-projection.ts';
import { stableEqual } from '../mapping/stable-equal.ts';
import { conflictWinner, directionAllowsWriteTo } from '../merge/conflict-policy.ts';
import { type FieldWrite, mergeFields } from '../merge/merge-fields.ts';
import { idempotencyKey } from '../ports/idempotency-key.ts';
import type { Link, MergeBase } from '../ports/link.ts';
import type { WriteCommand } from '../ports/side-writer.ts';
import type { RecordOf, SideRecord } from '../records/side-record.ts';
import { otherSide, SIDES, type Side, type SyncObject } from '../records/sync-object.ts';
import { checkOutboundInvoice } from '../rules/check-outbound-invoice.ts';
import { checkPayment } from '../rules/check-payment.ts';
import {
  describeQuickBooksEdits,
  HUBSPOT_OWNED_INVOICE_FIELDS,
  type QuickBooksEdit,
  quickbooksOnlyEdits,
} from '../rules/hubspot-invoice-edited-in-quickbooks.ts';
import { mirrorStatus } from '../rules/invoice-status-table.ts';
import { paymentCustomerUnknownInHubSpot } from '../rules/payment-customer.ts';
import { AMOUNT_FIELDS_ZEROED_BY_VOID, amountsFrozenByVoid } from '../rules/voided-invoice-amounts.ts';
import { buildUpdate } from './build-update.ts';
import { bumpLink, type PlanContext, specsFor } from './plan-context.ts';
import { actionId, type PlanAction } from './plan-types.ts';
import { pendingDependencies } from './references.ts';

const QBO_CHECKED_INVOICE_FIELDS = ['lines', 'issueDate', 'currency', 'customerId', 'status'];

type Pair = Record<Side, SideRecord>;

/** Plans one linked pair: three-way merge, editing rules, status mirroring (R-MAP-2, R-EDT-*, R-OBJ-5). */
export function planLinkedPair(
  ctx: PlanContext,
  object: SyncObject,
  link: Link,
  pair: Pair,
  trigger: Side,
): PlanAction[] {
  const cfg = ctx.config(object);
  const source = { side: trigger, id: pair[trigger].id };
  const head = { id: actionId(object, trigger, source.id), object, source, linkId: link.id };
  if (!cfg.enabled)
    return [{ ...head, kind: 'exclude', reason: 'sync off', exclusion: { reason: 'sync_off' } }];
  const deps = SIDES.flatMap((s) => pendingDependencies(object, s, pair[s].record, ctx.creating));
  if (deps.length > 0)
    return [{ ...head, kind: 'defer', reason: 'waits for related records', dependsOn: deps }];

  const base = ctx.baseOf(link.id);
  const specs = specsFor(ctx, object);
  const amountsFrozen =
    object === 'invoice' &&
    amountsFrozenByVoid(
      pair.hubspot.record as RecordOf<'invoice'>,
      pair.quickbooks.record as RecordOf<'invoice'>,
    );
  const leftOut = [
    ...(amountsFrozen ? AMOUNT_FIELDS_ZEROED_BY_VOID : []),
    ...(object === 'payment' && paymentCustomerUnknownInHubSpot(pair.hubspot.record as RecordOf<'payment'>)
      ? ['customerId']
      : []),
  ];
  const hubspotOwned = object === 'invoice' && link.origin === 'hubspot';
  const merged = mergeFields({
    specs: specs.filter((s) => !leftOut.includes(s.key)),
    hubspot: pair.hubspot.record,
    quickbooks: pair.quickbooks.record,
    hubspotBase: base?.hubspot ?? null,
    quickbooksBase: base?.quickbooks ?? null,
    policy: cfg.conflictPolicy,
    direction: cfg.direction,
    ...(hubspotOwned ? { owned: { side: 'hubspot' as const, fields: HUBSPOT_OWNED_INVOICE_FIELDS } } : {}),
  });
  const writes: Record<Side, FieldWrite[]> = {
    hubspot: [...merged.writes.hubspot],
    quickbooks: [...merged.writes.quickbooks],
  };
  const violations: QuickBooksEdit[] = [...(merged.violations as QuickBooksEdit[])];
  if (hubspotOwned && !amountsFrozen) {
    const edits = quickbooksOnlyEdits(
      pair.quickbooks.record as RecordOf<'invoice'>,
      (base?.quickbooks ?? null) as RecordOf<'invoice'> | null,
      pair.hubspot.record as RecordOf<'invoice'>,
    );
    // An edit in HubSpot sends its lines again, which puts QBO's tax codes back (R-EDT-1); a deleted
    // payment heals only when QBO holds it again (recorded again, or sent again from HubSpot).
    if (edits.includes('taxes') && merged.ownerEdited) resendLines(specs, pair, writes);
    violations.push(...edits.filter((e) => e === 'payments' || !merged.ownerEdited));
  }
  const voids: Side[] = [];
  if (object === 'invoice') {
    const status = statusDecision(pair, base, cfg.conflictPolicy, cfg.direction);
    if (status?.mirror === 'set') writes[status.target].push({ field: 'status', value: status.value });
    if (status?.mirror === 'void') voids.push(status.target);
  }

  const failures: { side: Side; error: SyncError; field?: string }[] = merged.errors.map((e) => ({ ...e }));
  if (violations.length > 0) {
    failures.push({
      side: 'quickbooks',
      field: violations.join(','),
      error: syncError('hubspot_native_edited_in_quickbooks', describeQuickBooksEdits(violations)),
    });
  }
  const nextLink = bumpLink(link, ctx.now);
  const actions: PlanAction[] = [];
  const predicted: Record<Side, RecordOf<SyncObject>> = {
    hubspot: pair.hubspot.record,
    quickbooks: pair.quickbooks.record,
  };
  const commands: { side: Side; command: WriteCommand; fields: string[] }[] = [];

  for (const side of SIDES) {
    const sideFailed = merged.errors.some((e) => e.side === side);
    if (sideFailed) continue;
    const target = pair[side];
    const from = otherSide(side);
    const key = (action: string) =>
      idempotencyKey(ctx.portalId, object, from, pair[from].id, link.linkVersion, action);
    if (voids.includes(side)) {
      predicted[side] = { ...(target.record as RecordOf<'invoice'>), status: 'voided' };
      commands.push({
        side,
        fields: ['status'],
        command: {
          kind: 'void',
          object,
          id: target.id,
          expectedVersion: target.version,
          idempotencyKey: key('void'),
        },
      });
      continue;
    }
    if (writes[side].length === 0) continue;
    const { record, changes } = buildUpdate(object, side, target.record, writes[side], specs);
    if (
      object === 'invoice' &&
      side === 'quickbooks' &&
      writes[side].some((w) => QBO_CHECKED_INVOICE_FIELDS.includes(w.field))
    ) {
      const invoice = record as RecordOf<'invoice'>;
      const error = checkOutboundInvoice(invoice, customerCurrency(ctx, invoice.customerId), ctx.company);
      if (error) {
        failures.push({ side, error });
        continue;
      }
    }
    const paymentError = object === 'payment' ? checkPayment(record as RecordOf<'payment'>) : null;
    if (paymentError) {
      failures.push({ side, error: paymentError });
      continue;
    }
    predicted[side] = record;
    const command: WriteCommand = {
      kind: 'update',
      object,
      id: target.id,
      expectedVersion: target.version,
      changes,
      record,
      idempotencyKey: key('update'),
    };
    commands.push({ side, command, fields: writes[side].map((w) => w.field) });
  }

  const nextBase: MergeBase | null =
    failures.length > 0
      ? null
      : {
          linkId: link.id,
          object,
          hubspot: predicted.hubspot,
          quickbooks: predicted.quickbooks,
          hubspotVersion: pair.hubspot.version,
          quickbooksVersion: pair.quickbooks.version,
          syncedAt: ctx.now,
        };
  for (const f of failures) {
    actions.push({
      ...head,
      id: actionId(object, otherSide(f.side), pair[otherSide(f.side)].id, `fail-${f.side}`),
      source: { side: otherSide(f.side), id: pair[otherSide(f.side)].id },
      kind: 'fail',
      reason: f.error.message,
      error: f.error,
      ...(f.field ? { field: f.field } : {}),
    });
  }
  for (const c of commands) {
    const from = otherSide(c.side);
    actions.push({
      kind: 'write',
      id: actionId(object, c.side, pair[c.side].id, c.command.kind),
      object,
      source: { side: from, id: pair[from].id },
      side: c.side,
      command: c.command,
      link: nextLink,
      fields: c.fields,
      conflicts: merged.conflicts.filter((x) => c.fields.includes(x.field)),
      dependsOn: [],
      nextBase,
      reason:
        c.command.kind === 'void' ? 'invoice voided on the other side' : `changed: ${c.fields.join(', ')}`,
    });
  }
  if (actions.length === 0) {
    return [
      { ...head, kind: 'skip', reason: 'in sync', nextBase: base && inSync(base, pair) ? null : nextBase },
    ];
  }
  return actions;
}

/** Adds HubSpot's lines to the QBO writes when the merge left them out (they are equal already). */
function resendLines(specs: readonly FieldSpec[], pair: Pair, writes: Record<Side, FieldWrite[]>): void {
  const lines = specs.find((s) => s.key === 'lines');
  if (!lines || writes.quickbooks.some((w) => w.field === 'lines')) return;
  const value = lines.toSide('quickbooks', lines.read('hubspot', pair.hubspot.record));
  if (value.ok) writes.quickbooks.push({ field: 'lines', value: value.value });
}

function inSync(base: MergeBase, pair: Pair): boolean {
  return (
    stableEqual(base.hubspot, pair.hubspot.record) && stableEqual(base.quickbooks, pair.quickbooks.record)
  );
}

function customerCurrency(ctx: PlanContext, quickbooksCustomerId: string | null): string | null {
  if (quickbooksCustomerId === null) return null;
  return ctx.recordOf('customer', 'quickbooks', quickbooksCustomerId)?.record.currency ?? null;
}

function statusDecision(
  pair: Pair,
  base: MergeBase | null,
  policy: Parameters<typeof conflictWinner>[0],
  direction: Parameters<typeof directionAllowsWriteTo>[0],
) {
  const status = (s: Side) => (pair[s].record as RecordOf<'invoice'>).status;
  const baseStatus = (s: Side) => (base?.[s] as RecordOf<'invoice'> | null | undefined)?.status ?? null;
  if (status('hubspot') === status('quickbooks')) return null;
  const changed = (s: Side) => baseStatus(s) !== status(s);
  let winner: Side;
  if (direction !== 'two_way') winner = direction === 'hubspot_to_quickbooks' ? 'hubspot' : 'quickbooks';
  else if (changed('hubspot') && !changed('quickbooks')) winner = 'hubspot';
  else if (changed('quickbooks') && !changed('hubspot')) winner = 'quickbooks';
  else winner = conflictWinner(policy);
  const target = otherSide(winner);
  if (!directionAllowsWriteTo(direction, target)) return null;
  return { target, value: status(winner), mirror: mirrorStatus(status(target), status(winner)) };
}
