import {
  type CanonicalInvoice,
  type CanonicalInvoiceLine,
  dec,
  type InvoiceStatus,
  type LineDiscount,
  lineAmount,
  normalizeDecimal,
  roundToCurrency,
} from '@ledgersync/sync-engine';
import type { HubSpotObject, Properties } from '../crm/hubspot-object.ts';
import { QBO_NUMBER_PROPERTY } from '../crm/object-types.ts';
import {
  type CustomInvoiceProperty,
  customFieldsFromProperties,
  customFieldsToProperties,
} from './invoice-custom-properties.ts';
import { classifyInvoiceSource, type InvoiceSourceOption } from './invoice-source.ts';
import { amount, decimal, isoDate, text, toHubSpotDate, toHubSpotText } from './property-values.ts';

export const INVOICE_PROPERTIES = [
  'hs_number',
  QBO_NUMBER_PROPERTY,
  'hs_invoice_date',
  'hs_due_date',
  'hs_currency',
  'hs_invoice_status',
  'hs_invoice_source',
  'hs_comments',
  'hs_amount_billed',
  'hs_balance_due',
] as const;

export const LINE_ITEM_PROPERTIES = [
  'name',
  'description',
  'quantity',
  'price',
  'amount',
  'hs_product_id',
  'discount',
  'hs_discount_percentage',
] as const;

function status(raw: string | null, total: string, balance: string): InvoiceStatus {
  const s = (raw ?? 'draft').toLowerCase();
  if (s === 'voided' || s === 'void') return 'voided';
  if (s === 'paid') return 'paid';
  if (s === 'draft') return 'draft';
  const b = dec(balance);
  return b.greaterThan(0) && b.lessThan(total) ? 'partially_paid' : 'open';
}

/**
 * HubSpot's `discount` is a unit discount (taken off each unit); the canonical amount discount is
 * what the line loses in all, so it is the unit discount times the quantity (R-OBJ-3).
 */
export function lineItemToCanonical(line: HubSpotObject, currency: string): CanonicalInvoiceLine {
  const p = line.properties;
  const quantity = decimal(p.quantity) ?? '1';
  const unitPrice = decimal(p.price) ?? '0';
  const percent = decimal(p.hs_discount_percentage);
  const perUnit = decimal(p.discount);
  const discount: LineDiscount | null =
    percent !== null && percent !== '0'
      ? { kind: 'percent', value: percent }
      : perUnit !== null && perUnit !== '0'
        ? { kind: 'amount', value: normalizeDecimal(dec(perUnit).times(quantity)) }
        : null;
  const base = { quantity, unitPrice, discount };
  return {
    productId: text(p.hs_product_id),
    description: text(p.description) ?? text(p.name),
    quantity,
    unitPrice,
    discount,
    serviceDate: null,
    // HubSpot calculates `amount`; recompute only when it is absent.
    amount: text(p.amount) === null ? lineAmount(base, currency) : amount(p.amount, currency),
    taxCodeId: null,
  };
}

export function invoiceToCanonical(
  invoice: HubSpotObject,
  lines: readonly HubSpotObject[],
  customerId: string | null,
  custom: readonly CustomInvoiceProperty[] = [],
  sourceOptions: readonly InvoiceSourceOption[] = [],
): CanonicalInvoice {
  const p = invoice.properties;
  const currency = text(p.hs_currency) ?? 'USD';
  const mapped = lines.map((l) => lineItemToCanonical(l, currency));
  const total =
    text(p.hs_amount_billed) === null
      ? roundToCurrency(
          mapped.reduce((sum, l) => sum.plus(l.amount), dec(0)),
          currency,
        )
      : amount(p.hs_amount_billed, currency);
  const balance = text(p.hs_balance_due) === null ? total : amount(p.hs_balance_due, currency);
  return {
    // A number written from QuickBooks wins over HubSpot's own numbering (see the writer).
    number: text(p[QBO_NUMBER_PROPERTY]) ?? text(p.hs_number),
    issueDate: isoDate(p.hs_invoice_date) ?? invoice.createdAt.slice(0, 10),
    dueDate: isoDate(p.hs_due_date),
    currency,
    customerId,
    status: status(text(p.hs_invoice_status), total, balance),
    ...classifyInvoiceSource(text(p.hs_invoice_source), sourceOptions),
    comments: text(p.hs_comments),
    lines: mapped,
    total,
    balance,
    customFields: customFieldsFromProperties(p, custom),
  };
}

/**
 * Header properties to write. Totals are HubSpot's calculation and are not written. `hs_number`
 * is read-only (HubSpot numbers its own invoices from the portal's prefix), so the number
 * (R-OBJ-3) goes to LedgerSync's own `ledgersync_qbo_number`, which reads back as the number.
 */
export function canonicalToInvoiceProperties(
  c: Partial<CanonicalInvoice>,
  custom: readonly CustomInvoiceProperty[] = [],
): Properties {
  const out: Properties = {};
  if (c.number !== undefined) out[QBO_NUMBER_PROPERTY] = toHubSpotText(c.number);
  if (c.issueDate !== undefined) out.hs_invoice_date = toHubSpotDate(c.issueDate);
  if (c.dueDate !== undefined) out.hs_due_date = toHubSpotDate(c.dueDate);
  if (c.currency !== undefined) out.hs_currency = c.currency;
  if (c.comments !== undefined) out.hs_comments = toHubSpotText(c.comments);
  if (c.status !== undefined) out.hs_invoice_status = c.status === 'partially_paid' ? 'open' : c.status;
  // Custom mappings last: a mapped property never silently overrides a default one it shadows.
  return c.customFields === undefined ? out : { ...customFieldsToProperties(c.customFields, custom), ...out };
}

export function canonicalToLineItemProperties(line: CanonicalInvoiceLine, currency: string): Properties {
  const out: Properties = {
    name: line.description ?? 'Line item',
    description: toHubSpotText(line.description),
    quantity: line.quantity,
    price: line.unitPrice,
    hs_line_item_currency_code: currency,
  };
  if (line.productId !== null) out.hs_product_id = line.productId;
  if (line.discount?.kind === 'amount') out.discount = unitDiscount(line.discount.value, line.quantity);
  if (line.discount?.kind === 'percent') out.hs_discount_percentage = line.discount.value;
  return out;
}

/**
 * The unit discount that takes `total` off `quantity` units, to HubSpot's six decimals; where the
 * division does not end there, HubSpot's amount can differ from ours by less than a cent.
 */
function unitDiscount(total: string, quantity: string): string {
  if (dec(quantity).isZero()) return total;
  return normalizeDecimal(dec(total).dividedBy(quantity).toDecimalPlaces(6));
}
