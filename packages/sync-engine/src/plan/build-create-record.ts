import type { SyncError } from '../errors/sync-error-code.ts';
import { DEFAULT_FIELD_MAPPINGS } from '../mapping/default-field-mappings.ts';
import type { RecordOf, SideRecord } from '../records/side-record.ts';
import type { Side, SyncObject } from '../records/sync-object.ts';
import { invoiceTotal } from '../rules/line-amounts.ts';
import { type PlanContext, specsFor } from './plan-context.ts';

// Switched-off fields are left empty on a create, except those a record cannot be without.
const REQUIRED_FIELDS = new Set(['issueDate', 'date']);

/** The record to create on `target` from a source record: mapped fields only, references translated. */
export function buildCreateRecord(
  ctx: PlanContext,
  object: SyncObject,
  src: SideRecord,
  target: Side,
): { ok: true; record: RecordOf<SyncObject> } | { ok: false; error: SyncError } {
  const cfg = ctx.config(object);
  let record = { ...(src.record as object) } as RecordOf<SyncObject>;
  if (object === 'invoice') record = { ...(record as RecordOf<'invoice'>), customFields: {} };
  for (const m of DEFAULT_FIELD_MAPPINGS[object]) {
    if (m.canDisable && cfg.disabledFields.includes(m.key) && !REQUIRED_FIELDS.has(m.key)) {
      record = { ...(record as object), [m.key]: null } as unknown as RecordOf<SyncObject>;
    }
  }
  for (const spec of specsFor(ctx, object)) {
    if (spec.flow === 'read_only') continue;
    const value = spec.toSide(target, spec.read(src.side, src.record));
    if (!value.ok) return { ok: false, error: value.error };
    record = spec.assign(target, record, value.value);
  }
  return { ok: true, record: finishForSide(ctx, object, record, target) };
}

function finishForSide(
  ctx: PlanContext,
  object: SyncObject,
  record: RecordOf<SyncObject>,
  target: Side,
): RecordOf<SyncObject> {
  switch (object) {
    case 'invoice': {
      const inv = record as RecordOf<'invoice'>;
      const total = invoiceTotal(inv.lines, inv.currency);
      // Paid and partially paid follow from the payment records (R-OBJ-4), not from the create.
      const status = inv.status === 'voided' ? 'voided' : 'open';
      return {
        ...inv,
        total,
        balance: total,
        status,
        source: target === 'quickbooks' ? 'quickbooks' : 'integration',
      };
    }
    case 'customer': {
      const c = record as RecordOf<'customer'>;
      return target === 'hubspot' ? { ...c, displayName: null, currency: null } : c;
    }
    case 'product': {
      const p = record as RecordOf<'product'>;
      return {
        ...p,
        incomeAccountId: target === 'quickbooks' ? ctx.settings.invoice.customLineItemIncomeAccountId : null,
      };
    }
    case 'payment': {
      const payment = record as RecordOf<'payment'>;
      if (target !== 'quickbooks' || payment.customerId !== null) return payment;
      return { ...payment, customerId: customerOfFirstInvoice(ctx, payment) };
    }
  }
}

/**
 * QBO needs a payment's CustomerRef; a payment recorded on a HubSpot invoice is often associated
 * with the invoice only. Its customer is then the one of the QBO invoice it pays (R-OBJ-4).
 */
function customerOfFirstInvoice(ctx: PlanContext, payment: RecordOf<'payment'>): string | null {
  for (const applied of payment.appliedTo) {
    const read = ctx.recordOf('invoice', 'quickbooks', applied.invoiceId)?.record.customerId;
    if (read) return read;
    const link = ctx.refs.linkOf('invoice', 'quickbooks', applied.invoiceId);
    const base = link ? ctx.baseOf(link.id)?.quickbooks : null;
    const synced = (base as RecordOf<'invoice'> | null | undefined)?.customerId;
    if (synced) return synced;
  }
  return null;
}
