import { faults } from '../core/fault-catalogue.ts';
import type { Json } from '../core/json.ts';
import { isObject, refValue } from '../core/json.ts';
import { dec, money } from '../core/money.ts';
import { addDays, qboDate } from '../core/qbo-time.ts';
import { isUs } from '../store/country.ts';
import { companyCountry, type OpContext, prefFlag } from './context.ts';
import { inHome, transactionCurrency } from './currency-rules.ts';
import { COMMON_QUERY_FIELDS, type EntityDef, fieldSet } from './entity-def.ts';
import { appliedTo, invoiceLinks } from './invoice-balance.ts';
import { assertMaxLength } from './name-rules.ts';
import { refTo, resolveRef } from './refs.ts';
import { computeSalesLines } from './sales-lines.ts';

const FIRST_DOC_NUMBER = 1001;

function nextDocNumber(ctx: OpContext): string {
  let max = FIRST_DOC_NUMBER - 1;
  for (const r of ctx.realm.list('Invoice')) {
    const n = Number(r.data.DocNumber);
    if (Number.isInteger(n) && n > max) max = n;
  }
  return String(max + 1);
}

function docNumber(ctx: OpContext, body: Json, existing: Json | undefined): string | undefined {
  let doc = typeof body.DocNumber === 'string' ? body.DocNumber : undefined;
  if (doc === 'AUTO_GENERATE' || (doc === undefined && body.AutoDocNumber === true)) doc = nextDocNumber(ctx);
  if (doc === undefined) {
    if (typeof existing?.DocNumber === 'string') return existing.DocNumber;
    return prefFlag(ctx, 'SalesFormsPrefs', 'CustomTxnNumbers') === true ? undefined : nextDocNumber(ctx);
  }
  assertMaxLength(doc, 21, 'DocNumber');
  if (!ctx.include.has('allowduplicatedocnum')) {
    for (const r of ctx.realm.list('Invoice')) {
      if (r.data.Id !== existing?.Id && r.data.DocNumber === doc) {
        throw faults.duplicateDocNumber(doc, 'Invoice', String(r.data.Id));
      }
    }
  }
  return doc;
}

function prepare(ctx: OpContext, body: Json, existing: Json | undefined): Json {
  if (!Array.isArray(body.Line) || body.Line.length === 0) throw faults.required('Line');
  if (body.CustomerRef === undefined) throw faults.required('CustomerRef');
  const customer = resolveRef(ctx, 'Customer', body.CustomerRef, 'CustomerRef');
  const txnDate = typeof body.TxnDate === 'string' ? body.TxnDate : qboDate(ctx.now);
  const nonUs = !isUs(companyCountry(ctx));
  const globalTax =
    typeof body.GlobalTaxCalculation === 'string'
      ? body.GlobalTaxCalculation
      : nonUs
        ? 'TaxExcluded'
        : 'NotApplicable';
  const totals = computeSalesLines(ctx, body.Line, existing, globalTax);
  const applied = existing ? appliedTo(ctx, String(existing.Id)) : { total: dec(0), paymentIds: [] };
  const currency = transactionCurrency(ctx, body, customer);
  const out: Json = {
    AllowIPNPayment: false,
    AllowOnlinePayment: false,
    AllowOnlineCreditCardPayment: false,
    AllowOnlineACHPayment: false,
    CustomField: [],
    ApplyTaxAfterDiscount: false,
    PrintStatus: 'NotSet',
    EmailStatus: 'NotSet',
    ...body,
    TxnDate: txnDate,
    ...currency.fields,
    LinkedTxn: invoiceLinks(existing ?? {}, applied.paymentIds),
    Line: totals.lines,
    CustomerRef: refTo(customer),
    DueDate: typeof body.DueDate === 'string' ? body.DueDate : addDays(txnDate, 30),
    TxnTaxDetail: nonUs
      ? { TotalTax: money(totals.totalTax), TaxLine: totals.taxLines }
      : { TotalTax: isObject(body.TxnTaxDetail) ? (body.TxnTaxDetail.TotalTax ?? 0) : 0 },
    TotalAmt: money(totals.total),
    Balance: money(totals.total.minus(applied.total)),
  };
  if (nonUs) out.GlobalTaxCalculation = globalTax;
  if (currency.rate === undefined) {
    delete out.ExchangeRate;
    delete out.HomeTotalAmt;
    delete out.HomeBalance;
  } else {
    out.HomeTotalAmt = inHome(out.TotalAmt, currency.rate);
    out.HomeBalance = inHome(out.Balance, currency.rate);
  }
  const doc = docNumber(ctx, body, existing);
  if (doc === undefined) delete out.DocNumber;
  else out.DocNumber = doc;
  if (out.BillAddr === undefined && isObject(customer.BillAddr)) out.BillAddr = customer.BillAddr;
  if (out.ShipAddr === undefined && isObject(customer.ShipAddr)) out.ShipAddr = customer.ShipAddr;
  if (out.BillEmail === undefined && isObject(customer.PrimaryEmailAddr)) {
    out.BillEmail = { Address: customer.PrimaryEmailAddr.Address };
  }
  return out;
}

function voidBody(_ctx: OpContext, data: Json): Json {
  const lines = (Array.isArray(data.Line) ? data.Line : []).map((l) => {
    if (!isObject(l)) return l;
    const zeroed: Json = { ...l, Amount: 0 };
    if (isObject(l.SalesItemLineDetail) && l.SalesItemLineDetail.Qty !== undefined) {
      zeroed.SalesItemLineDetail = { ...l.SalesItemLineDetail, Qty: 0 };
    }
    return zeroed;
  });
  const note =
    typeof data.PrivateNote === 'string' && data.PrivateNote !== ''
      ? `Voided - ${data.PrivateNote}`
      : 'Voided';
  const tax = isObject(data.TxnTaxDetail) ? { ...data.TxnTaxDetail, TotalTax: 0 } : { TotalTax: 0 };
  return { ...data, Line: lines, TotalAmt: 0, Balance: 0, TxnTaxDetail: tax, PrivateNote: note };
}

function beforeDelete(ctx: OpContext, data: Json): void {
  if (appliedTo(ctx, String(data.Id)).paymentIds.length > 0) {
    throw faults.business(
      'You can’t delete this transaction because it has payments applied to it. Remove the payments first.',
    );
  }
}

export const invoiceDef: EntityDef = {
  name: 'Invoice',
  nameList: false,
  creatable: true,
  updatable: true,
  deletable: true,
  voidable: true,
  transaction: true,
  knownFields: fieldSet(
    'DocNumber HomeTotalAmt TotalAmt TxnSource AllowOnlinePayment RecurringInfo EmailStatus AutoDocNumber TaxFormNum TxnDate FOB ClassRef AllowOnlineACHPayment DepositToAccountRef AllowOnlineCreditCardPayment CurrencyRef InvoiceLink PONumber ShipDate PaymentMethodRef TrackingNum TxnTaxDetail CustomerRef ShipFromAddr BillAddr ShipAddr EInvoiceStatus ApplyTaxAfterDiscount DepartmentRef SalesRepRef ExchangeRate TaxFormType BillEmail BillEmailCc BillEmailBcc CustomerMemo TxnStatus HomeBalance Balance PrintStatus DiscountRate DeliveryInfo FreeFormAddress AllowIPNPayment PaymentDetailsMessage TransactionLocationType LinkedTxn RemitToRef PrivateNote ShipMethodRef PaymentRefNum Tag Line DueDate SalesTermRef GlobalTaxCalculation Deposit TaxExemptionRef ProjectRef',
  ),
  queryFields: {
    ...COMMON_QUERY_FIELDS,
    DocNumber: 'string',
    TxnDate: 'date',
    DueDate: 'date',
    CustomerRef: 'ref',
    Balance: 'number',
    TotalAmt: 'number',
  },
  prepare,
  voidBody,
  beforeDelete,
};

export function invoiceCustomer(data: Json): string | undefined {
  return refValue(data.CustomerRef);
}
