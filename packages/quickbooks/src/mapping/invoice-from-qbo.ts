import {
  type CanonicalInvoice,
  type CanonicalInvoiceLine,
  dec,
  type InvoiceStatus,
} from '@ledgersync/sync-engine';
import type { QboInvoice, QboSalesLine } from '../entities/invoice.ts';
import { moneyIn, plainIn } from './decimals.ts';
import { discountOf } from './discount-lines.ts';
import { customFieldsFromQbo } from './invoice-custom-fields.ts';

function salesLine(line: QboSalesLine, currency: string): CanonicalInvoiceLine | null {
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

/** QBO's sales lines as canonical lines, each discount line folded back into the line above it. */
function linesFromQbo(lines: readonly QboSalesLine[], currency: string): CanonicalInvoiceLine[] {
  const read = lines.flatMap((raw) => {
    const line = salesLine(raw, currency);
    return line === null ? [] : [{ raw, line }];
  });
  const out: CanonicalInvoiceLine[] = [];
  for (let i = 0; i < read.length; i++) {
    const { line } = read[i] as (typeof read)[number];
    const next = read[i + 1];
    const discount =
      next === undefined
        ? null
        : discountOf(
            line,
            {
              itemId: next.line.productId,
              description: next.line.description,
              amountOnly:
                next.raw.SalesItemLineDetail?.Qty === undefined &&
                next.raw.SalesItemLineDetail?.UnitPrice === undefined,
              amount: next.line.amount,
            },
            currency,
          );
    if (discount === null || next === undefined) {
      out.push(line);
      continue;
    }
    out.push({
      ...line,
      discount,
      amount: moneyIn(dec(line.amount).plus(next.line.amount).toFixed(), currency),
    });
    i++;
  }
  return out;
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
    lines: linesFromQbo(invoice.Line, currency),
    total,
    balance,
    customFields: customFieldsFromQbo(invoice),
  };
}
