import type { CanonicalInvoice, CanonicalInvoiceLine } from '@ledgersync/sync-engine';
import type { QboRef } from '../entities/common.ts';
import { out } from './decimals.ts';
import { customFieldsToQbo } from './invoice-custom-fields.ts';

export interface InvoiceWriteContext {
  readonly homeCurrency: string;
  /** The "Custom Line Item" item id for lines without a product (R-OBJ-1), when known. */
  readonly customLineItemId: string | null;
  /** Payments only: QBO payment methods found or created for the batch, by lower-cased name. */
  readonly paymentMethods?: ReadonlyMap<string, QboRef>;
}

export class UnmappableLineError extends Error {}

/**
 * QBO checks Amount = Qty × UnitPrice and has no per-line discount, so a discounted line is
 * written as one unit at its net amount, and the original quantity, price and discount are
 * carried in the line's text (R-OBJ-3, R-FAQ-2).
 */
function lineToQbo(line: CanonicalInvoiceLine, ctx: InvoiceWriteContext): Record<string, unknown> {
  const itemId = line.productId ?? ctx.customLineItemId;
  if (itemId === null)
    throw new UnmappableLineError('A line has no product and no Custom Line Item is set up');
  let description = line.description;
  let qty = line.quantity;
  let price = line.unitPrice;
  if (line.discount !== null) {
    const off = line.discount.kind === 'percent' ? `${line.discount.value}%` : line.discount.value;
    const note = `${line.quantity} × ${line.unitPrice}, discount ${off}`;
    description = description ? `${description} (${note})` : note;
    qty = '1';
    price = line.amount;
  }
  const detail: Record<string, unknown> = {
    ItemRef: { value: itemId },
    Qty: out(qty),
    UnitPrice: out(price),
  };
  if (line.serviceDate !== null) detail.ServiceDate = line.serviceDate;
  if (line.taxCodeId !== null) detail.TaxCodeRef = { value: line.taxCodeId };
  const body: Record<string, unknown> = {
    DetailType: 'SalesItemLineDetail',
    Amount: out(line.amount),
    SalesItemLineDetail: detail,
  };
  if (description !== null) body.Description = description;
  return body;
}

/** QBO body fields for the given canonical fields; `lines` always go whole (QBO replaces all lines). */
export function invoiceToQbo(
  inv: Partial<CanonicalInvoice>,
  ctx: InvoiceWriteContext,
): Record<string, unknown> {
  // Custom values first: a default-mapped field written in the same change (the number, the
  // comments) wins over the copy of it the record's custom values may still hold.
  const body: Record<string, unknown> =
    inv.customFields === undefined ? {} : customFieldsToQbo(inv.customFields);
  if (inv.number !== undefined && inv.number !== null) body.DocNumber = inv.number;
  if (inv.issueDate !== undefined) body.TxnDate = inv.issueDate;
  if (inv.dueDate !== undefined && inv.dueDate !== null) body.DueDate = inv.dueDate;
  if (inv.currency !== undefined && inv.currency !== ctx.homeCurrency)
    body.CurrencyRef = { value: inv.currency };
  if (inv.customerId !== undefined && inv.customerId !== null) body.CustomerRef = { value: inv.customerId };
  if (inv.comments !== undefined) body.CustomerMemo = { value: inv.comments ?? '' };
  if (inv.lines !== undefined) body.Line = inv.lines.map((l) => lineToQbo(l, ctx));
  return body;
}
