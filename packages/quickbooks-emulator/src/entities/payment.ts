import { faults } from '../core/fault-catalogue.ts';
import type { Json } from '../core/json.ts';
import { isObject, refValue } from '../core/json.ts';
import { Decimal, dec, money } from '../core/money.ts';
import { qboDate } from '../core/qbo-time.ts';
import type { OpContext } from './context.ts';
import { transactionCurrency } from './currency-rules.ts';
import { COMMON_QUERY_FIELDS, type EntityDef, fieldSet } from './entity-def.ts';
import { appliedTo, linkedInvoiceIds, refreshInvoice } from './invoice-balance.ts';
import { refTo, resolveRef } from './refs.ts';

// QBO's JSON rendering of the NameValue extras it adds to each payment line.
function lineEx(invoice: Json, openBalance: number): Json {
  const nv = (Name: string, Value: string) => ({
    name: '{http://schema.intuit.com/finance/v3}NameValue',
    declaredType: 'com.intuit.schema.finance.v3.NameValue',
    scope: 'javax.xml.bind.JAXBElement$GlobalScope',
    value: { Name, Value },
    nil: false,
    globalScope: true,
    typeSubstituted: false,
  });
  const any = [nv('txnId', String(invoice.Id)), nv('txnOpenBalance', String(openBalance))];
  if (typeof invoice.DocNumber === 'string') any.push(nv('txnReferenceNumber', invoice.DocNumber));
  return { any };
}

function prepare(ctx: OpContext, body: Json, existing: Json | undefined): Json {
  if (body.CustomerRef === undefined) throw faults.required('CustomerRef');
  if (body.TotalAmt === undefined) throw faults.required('TotalAmt');
  const customer = resolveRef(ctx, 'Customer', body.CustomerRef, 'CustomerRef');
  const currency = transactionCurrency(ctx, body, customer);
  const total = dec(body.TotalAmt);
  let appliedSum = new Decimal(0);
  const lines: Json[] = [];
  for (const raw of Array.isArray(body.Line) ? body.Line : []) {
    if (!isObject(raw)) throw faults.required('Line');
    const amount = dec(raw.Amount);
    const links = Array.isArray(raw.LinkedTxn) ? raw.LinkedTxn.filter(isObject) : [];
    let ex: Json | undefined;
    for (const link of links) {
      if (link.TxnType !== 'Invoice') throw faults.cannotLink();
      const inv = ctx.realm.get('Invoice', String(link.TxnId), ctx.batchId);
      if (!inv) throw faults.objectNotFound();
      if (refValue(inv.data.CustomerRef) !== customer.Id) throw faults.cannotLink();
      const open = dec(inv.data.TotalAmt).minus(
        appliedTo(ctx, String(inv.data.Id), existing?.Id as string).total,
      );
      if (amount.greaterThan(open)) {
        throw faults.business(
          `The amount applied to invoice ${String(inv.data.DocNumber ?? inv.data.Id)} exceeds its open balance.`,
        );
      }
      ex = lineEx(inv.data, money(open));
    }
    appliedSum = appliedSum.plus(amount);
    const line: Json = {
      ...raw,
      Amount: money(amount),
      LinkedTxn: links.map((l) => ({ TxnId: String(l.TxnId), TxnType: l.TxnType })),
    };
    if (ex) line.LineEx = ex;
    lines.push(line);
  }
  if (appliedSum.greaterThan(total)) {
    throw faults.business(
      'The payment amount must be greater than or equal to the amount applied to transactions.',
    );
  }
  const deposit = resolveRef(
    ctx,
    'Account',
    body.DepositToAccountRef ?? { value: '4' },
    'DepositToAccountRef',
  );
  const out: Json = {
    ProcessPayment: false,
    ...body,
    CustomerRef: refTo(customer),
    DepositToAccountRef: { value: deposit.Id },
    TxnDate: typeof body.TxnDate === 'string' ? body.TxnDate : qboDate(ctx.now),
    ...currency.fields,
    TotalAmt: money(total),
    UnappliedAmt: money(total.minus(appliedSum)),
    Line: lines,
  };
  if (currency.rate === undefined) delete out.ExchangeRate;
  return out;
}

function refreshLinked(ctx: OpContext, data: Json, previous: Json | undefined): void {
  for (const id of new Set([...linkedInvoiceIds(previous), ...linkedInvoiceIds(data)]))
    refreshInvoice(ctx, id);
}

function voidBody(_ctx: OpContext, data: Json): Json {
  const lines = (Array.isArray(data.Line) ? data.Line : []).map((l) =>
    isObject(l) ? { ...l, Amount: 0 } : l,
  );
  const note =
    typeof data.PrivateNote === 'string' && data.PrivateNote !== ''
      ? `Voided - ${data.PrivateNote}`
      : 'Voided';
  return { ...data, Line: lines, TotalAmt: 0, UnappliedAmt: 0, PrivateNote: note };
}

export const paymentDef: EntityDef = {
  name: 'Payment',
  nameList: false,
  creatable: true,
  updatable: true,
  deletable: true,
  voidable: true,
  transaction: true,
  knownFields: fieldSet(
    'TxnDate CustomerRef TotalAmt UnappliedAmt PaymentRefNum PaymentMethodRef DepositToAccountRef ARAccountRef PaymentType CheckPayment CreditCardPayment ProcessPayment PrivateNote CurrencyRef ExchangeRate TxnStatus Line LinkedTxn TxnSource DocNumber DepartmentRef ProjectRef TaxExemptionRef TransactionLocationType',
  ),
  queryFields: {
    ...COMMON_QUERY_FIELDS,
    TxnDate: 'date',
    CustomerRef: 'ref',
    TotalAmt: 'number',
    PaymentRefNum: 'string',
  },
  prepare,
  afterWrite: refreshLinked,
  afterDelete: (ctx, data) => refreshLinked(ctx, data, undefined),
  voidBody,
};
