import type { CanonicalInvoice, CanonicalInvoiceLine } from '@ledgersync/sync-engine';
import type { QboRef } from '../entities/common.ts';
import { out } from './decimals.ts';
import { discountText, splitDiscountedAmount } from './discount-lines.ts';
import { customFieldsToQbo } from './invoice-custom-fields.ts';

export interface InvoiceWriteContext {
  readonly homeCurrency: string;
  /** The "Custom Line Item" item id for lines without a product (R-OBJ-1), when known. */
  readonly customLineItemId: string | null;
  /** Payments only: QBO payment methods found or created for the batch, by lower-cased name. */
  readonly paymentMethods?: ReadonlyMap<string, QboRef>;
  /** Invoices only: the invoice's currency, when the fields written leave it out (a sparse update). */
  readonly invoiceCurrency?: string;
}

export class UnmappableLineError extends Error {}

/** One canonical line as QBO sales lines: the line, then its discount line when it has one. */
function lineToQbo(
  line: CanonicalInvoiceLine,
  currency: string,
  ctx: InvoiceWriteContext,
): Record<string, unknown>[] {
  const itemId = line.productId ?? ctx.customLineItemId;
  if (itemId === null)
    throw new UnmappableLineError('A line has no product and no Custom Line Item is set up');
  const detail: Record<string, unknown> = { ItemRef: { value: itemId } };
  if (line.serviceDate !== null) detail.ServiceDate = line.serviceDate;
  if (line.taxCodeId !== null) detail.TaxCodeRef = { value: line.taxCodeId };
  const sale: Record<string, unknown> = {
    DetailType: 'SalesItemLineDetail',
    Amount: out(line.amount),
    SalesItemLineDetail: { ...detail, Qty: out(line.quantity), UnitPrice: out(line.unitPrice) },
  };
  if (line.description !== null) sale.Description = line.description;
  if (line.discount === null) return [sale];
  const { gross, discount } = splitDiscountedAmount(line, currency);
  return [
    { ...sale, Amount: out(gross) },
    {
      DetailType: 'SalesItemLineDetail',
      Amount: out(discount),
      Description: discountText(line.discount),
      SalesItemLineDetail: detail,
    },
  ];
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
  if (inv.lines !== undefined) {
    // A line's discount amount is reckoned in the invoice's currency.
    const currency = inv.currency ?? ctx.invoiceCurrency ?? ctx.homeCurrency;
    body.Line = inv.lines.flatMap((l) => lineToQbo(l, currency, ctx));
  }
  return body;
}
