import { faults } from '../core/fault-catalogue.ts';
import type { Json } from '../core/json.ts';
import { isObject, refValue } from '../core/json.ts';
import { type Decimal, dec, money } from '../core/money.ts';
import { homeCurrency, type OpContext, prefFlag } from './context.ts';

// QBO multicurrency: a customer has one currency (fixed once it has transactions) and every
// invoice or payment of that customer is in it, with the exchange rate to the home currency.

const CURRENCY_NAMES: Record<string, string> = {
  USD: 'United States Dollar',
  CAD: 'Canadian Dollar',
  GBP: 'British Pound Sterling',
  AUD: 'Australian Dollar',
  EUR: 'Euro',
  JPY: 'Japanese Yen',
  CHF: 'Swiss Franc',
  KWD: 'Kuwaiti Dinar',
};

// US dollars per unit: a fixed table stands in for QBO's daily rates, so tests are repeatable.
const USD_PER_UNIT: Record<string, string> = {
  USD: '1',
  EUR: '1.08',
  GBP: '1.27',
  CAD: '0.73',
  AUD: '0.66',
  JPY: '0.0067',
  CHF: '1.13',
  KWD: '3.25',
};

export function multiCurrencyOn(ctx: OpContext): boolean {
  return prefFlag(ctx, 'CurrencyPrefs', 'MultiCurrencyEnabled') === true;
}

export function currencyRef(code: string): Json {
  return { value: code, name: CURRENCY_NAMES[code] ?? code };
}

function requestedCode(body: Json): string | undefined {
  return isObject(body.CurrencyRef) ? refValue(body.CurrencyRef) : undefined;
}

function refuseWithoutMultiCurrency(ctx: OpContext, requested: string | undefined): void {
  const home = String(homeCurrency(ctx).value);
  if (requested !== undefined && requested !== home) {
    throw faults.multiCurrencyOff(requested, home);
  }
}

/** A customer's CurrencyRef: home unless multicurrency is on; unchangeable once it has transactions. */
export function customerCurrency(ctx: OpContext, body: Json, existing: Json | undefined): Json {
  const home = String(homeCurrency(ctx).value);
  const current = existing === undefined ? undefined : (refValue(existing.CurrencyRef) ?? home);
  const requested = requestedCode(body) ?? current ?? home;
  if (!multiCurrencyOn(ctx)) refuseWithoutMultiCurrency(ctx, requested);
  if (existing !== undefined && current !== requested && hasTransactions(ctx, String(existing.Id))) {
    throw faults.customerCurrencyLocked(String(current));
  }
  return currencyRef(requested);
}

function hasTransactions(ctx: OpContext, customerId: string): boolean {
  return (['Invoice', 'Payment'] as const).some((entity) =>
    ctx.realm.list(entity).some((r) => refValue(r.data.CustomerRef) === customerId),
  );
}

export interface TxnCurrency {
  /** Fields to set on the transaction: CurrencyRef, and ExchangeRate when multicurrency is on. */
  fields: Json;
  /** Home-currency units per transaction-currency unit; undefined when multicurrency is off. */
  rate: Decimal | undefined;
}

/** The currency of an invoice or payment: its customer's, which a CurrencyRef must not contradict. */
export function transactionCurrency(ctx: OpContext, body: Json, customer: Json): TxnCurrency {
  const home = String(homeCurrency(ctx).value);
  const requested = requestedCode(body);
  if (!multiCurrencyOn(ctx)) {
    refuseWithoutMultiCurrency(ctx, requested);
    return { fields: { CurrencyRef: currencyRef(home) }, rate: undefined };
  }
  const code = refValue(customer.CurrencyRef) ?? home;
  if (requested !== undefined && requested !== code) {
    throw faults.transactionCurrencyMismatch(requested, code);
  }
  const rate = code === home ? dec(1) : exchangeRate(body, code, home);
  return { fields: { CurrencyRef: currencyRef(code), ExchangeRate: rate.toNumber() }, rate };
}

function exchangeRate(body: Json, code: string, home: string): Decimal {
  const given = dec(body.ExchangeRate);
  if (given.greaterThan(0)) return given;
  const foreign = USD_PER_UNIT[code];
  const homeRate = USD_PER_UNIT[home];
  if (foreign === undefined || homeRate === undefined) throw faults.noExchangeRate(code, home);
  return dec(foreign).dividedBy(dec(homeRate)).toDecimalPlaces(6);
}

/** An amount in the home currency, as QBO shows HomeTotalAmt / HomeBalance. */
export function inHome(amount: unknown, rate: Decimal): number {
  return money(dec(amount).times(rate));
}
