import {
  type CanonicalInvoice,
  type CanonicalInvoiceLine,
  dec,
  type InvoiceStatus,
} from '@ledgersync/sync-engine';
import type { QboInvoice, QboSalesLine } from '../entities/invoice.ts';
import { moneyIn, plainIn } from './decimals.ts';
import { customFieldsFromQbo } from './invoice-custom-fields.ts';

function lineFromQbo(line: QboSalesLine, currency: string): CanonicalInvoiceLine | null {
  const detail = line.SalesItemLineDetail;
  if (line.DetailType !== 'SalesItemLineDetail' || !detail) return null; // subtotal, description-only lines
  const amount = moneyIn(line.Amount, currency);
  return {
    productId: detail.ItemRef?.value ?? null,
    description: line.Description ?? null,
    quantity: plainIn(detail.Qty, '1'),
    unitPrice: plainIn(detail.UnitPrice, amount),
    discount: null,
    serviceDate: detail.ServiceDate ?? null,
    amount,
    taxCodeId: detail.TaxCodeRef?.value ?? null,
  };
}

function statusOf(invoice: QboInvoice, total: string, balance: string): InvoiceStatus {
  const voided =
    invoice.status === 'Voided' || (dec(total).isZero() && /^Voided/.test(invoice.PrivateNote ?? ''));
  if (voided) return 'voided';
  if (dec(total).greaterThan(0) && dec(balance).isZero()) return 'paid';
  if (dec(balance).lessThan(total)) return 'partially_paid';
  return 'open';
}

/** A QBO invoice as the engine sees it. Amounts are exact; `homeCurrency` fills a missing CurrencyRef. */
export function invoiceFromQbo(invoice: QboInvoice, homeCurrency: string): CanonicalInvoice {
  const currency = invoice.CurrencyRef?.value ?? homeCurrency;
  const total = moneyIn(invoice.TotalAmt, currency);
  const balance = moneyIn(invoice.Balance, currency, invoice.TotalAmt ?? '0');
  return {
    number: invoice.DocNumber ?? null,
    issueDate: invoice.TxnDate ?? (invoice.MetaData?.CreateTime ?? '1970-01-01').slice(0, 10),
    dueDate: invoice.DueDate ?? null,
    currency,
    customerId: invoice.CustomerRef.value,
    status: statusOf(invoice, total, balance),
    source: 'quickbooks',
    comments: invoice.CustomerMemo?.value ?? null,
    lines: invoice.Line.map((l) => lineFromQbo(l, currency)).filter(
      (l): l is CanonicalInvoiceLine => l !== null,
    ),
    total,
    balance,
    customFields: customFieldsFromQbo(invoice),
  };
}
