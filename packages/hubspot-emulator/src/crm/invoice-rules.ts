import Decimal from 'decimal.js';
import { validation } from '../http/hubspot-error.ts';
import type { INVOICE_STATUSES } from './built-in-properties.ts';
import type { Portal, StoredObject } from './portal.ts';

export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** Moves a caller may make by writing `hs_invoice_status`; `paid` is reached only through payments. */
const TRANSITIONS: Record<InvoiceStatus, InvoiceStatus[]> = {
  draft: ['open', 'voided'],
  open: ['voided'],
  paid: [],
  voided: [],
};

const INVOICE = '0-53';

export function checkTransition(portal: Portal, invoice: StoredObject | undefined, next: string): void {
  const current = (invoice?.properties.hs_invoice_status ?? 'draft') as InvoiceStatus;
  if (current === next) return;
  if (!invoice && (next === 'open' || next === 'voided')) {
    throw validation(`An invoice must be created as a draft before it can be set to ${next}.`);
  }
  if (!TRANSITIONS[current].includes(next as InvoiceStatus)) {
    throw validation(`Invoice status cannot change from ${current} to ${next}.`);
  }
  if (next === 'open' && invoice) {
    if (portal.associations.list(INVOICE, invoice.id, '0-1').length === 0) {
      throw validation('An invoice needs an associated contact before it can be set to open.');
    }
    if (portal.associations.list(INVOICE, invoice.id, '0-8').length === 0) {
      throw validation('An invoice needs at least one line item before it can be set to open.');
    }
  }
}

export function checkEditable(invoice: StoredObject): void {
  if (invoice.properties.hs_invoice_status === 'voided') {
    throw validation(`Invoice ${invoice.id} is voided and cannot be edited.`);
  }
}

export function finalizeProps(portal: Portal, now: number): Record<string, string> {
  const n = portal.nextInvoiceNumber++;
  return {
    hs_number: `${portal.settings.invoicePrefix}${n}`,
    hs_finalized_date: new Date(now).toISOString(),
  };
}

/** Amounts from line items and completed payments; an open invoice with nothing due becomes paid. */
export function computedInvoiceProps(portal: Portal, invoice: StoredObject): Record<string, string> {
  let billed = new Decimal(0);
  for (const edge of portal.associations.list(INVOICE, invoice.id, '0-8')) {
    const li = portal.live('0-8', edge.toId);
    if (li?.properties.amount) billed = billed.plus(li.properties.amount);
  }
  let paid = new Decimal(0);
  for (const edge of portal.associations.list(INVOICE, invoice.id, '0-101')) {
    const p = portal.live('0-101', edge.toId);
    if (
      p &&
      (p.properties.hs_latest_status ?? 'succeeded') === 'succeeded' &&
      p.properties.hs_initial_amount
    ) {
      paid = paid.plus(p.properties.hs_initial_amount);
    }
  }
  const balance = Decimal.max(billed.minus(paid), 0);
  const out: Record<string, string> = {
    hs_subtotal: billed.toString(),
    hs_amount_billed: billed.toString(),
    hs_amount_paid: paid.toString(),
    hs_balance_due: balance.toString(),
  };
  const status = invoice.properties.hs_invoice_status;
  if (status === 'open' && billed.gt(0) && balance.lte(0)) out.hs_invoice_status = 'paid';
  if (status === 'paid' && balance.gt(0)) out.hs_invoice_status = 'open';
  return out;
}
