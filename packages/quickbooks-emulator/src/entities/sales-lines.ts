import { faults } from '../core/fault-catalogue.ts';
import type { Json } from '../core/json.ts';
import { isObject, refValue } from '../core/json.ts';
import { Decimal, dec, money, sum } from '../core/money.ts';
import { countryProfile, isUs } from '../store/country.ts';
import { companyCountry, type OpContext, prefFlag } from './context.ts';
import { refTo, resolveRef } from './refs.ts';

export interface SalesTotals {
  lines: Json[];
  subtotal: Decimal;
  totalTax: Decimal;
  total: Decimal;
  taxLines: Json[];
}

const DETAIL_TYPES = new Set([
  'SalesItemLineDetail',
  'SubTotalLineDetail',
  'DiscountLineDetail',
  'DescriptionOnly',
]);

function nextLineId(lines: unknown[], existing: Json | undefined): () => string {
  let max = 0;
  const prior = Array.isArray(existing?.Line) ? existing.Line : [];
  for (const l of [...prior, ...lines]) if (isObject(l) && Number(l.Id) > max) max = Number(l.Id);
  return () => String(++max);
}

function salesItemLine(ctx: OpContext, line: Json, nonUs: boolean, taxName: string): Json {
  const detail: Json = isObject(line.SalesItemLineDetail) ? { ...line.SalesItemLineDetail } : {};
  const qty = detail.Qty;
  const price = detail.UnitPrice;
  if (line.Amount === undefined) {
    if (qty === undefined || price === undefined) throw faults.required('Line.Amount');
    line.Amount = money(dec(qty).times(dec(price)));
  }
  if (
    qty !== undefined &&
    price !== undefined &&
    !dec(qty).times(dec(price)).toDecimalPlaces(2).equals(dec(line.Amount).toDecimalPlaces(2))
  ) {
    throw faults.amountMismatch();
  }
  const item = resolveRef(ctx, 'Item', detail.ItemRef ?? { value: '1' }, 'ItemRef');
  detail.ItemRef = refTo(item);
  if (isObject(item.IncomeAccountRef)) detail.ItemAccountRef = item.IncomeAccountRef;
  if (
    prefFlag(ctx, 'ProductAndServicesPrefs', 'RevenueRecognition') === true &&
    typeof detail.ServiceDate !== 'string'
  ) {
    throw faults.business('Enter a service date for the revenue recognition line item');
  }
  if (nonUs) {
    if (refValue(detail.TaxCodeRef) === undefined) {
      throw faults.business(`Make sure all your transactions have a ${taxName} rate before you save.`);
    }
    const code = resolveRef(ctx, 'TaxCode', detail.TaxCodeRef, 'TaxCodeRef');
    detail.TaxCodeRef = { value: code.Id };
  } else {
    detail.TaxCodeRef = { value: refValue(detail.TaxCodeRef) === 'TAX' ? 'TAX' : 'NON' };
  }
  return { ...line, Amount: money(dec(line.Amount)), SalesItemLineDetail: detail };
}

/**
 * Normalises the lines of a sales transaction and computes its totals: item lines are checked
 * (Amount = Qty × UnitPrice, references, tax, service dates; a line may be negative, the total may
 * not), discounts applied (never more than the subtotal), tax computed for non-US companies, and
 * the SubTotal line QBO appends is rebuilt.
 */
export function computeSalesLines(
  ctx: OpContext,
  rawLines: unknown[],
  existing: Json | undefined,
  globalTax: string,
): SalesTotals {
  const country = companyCountry(ctx);
  const nonUs = !isUs(country);
  const profile = countryProfile(country);
  const lineId = nextLineId(rawLines, existing);
  const out: Json[] = [];
  const discounts: Json[] = [];
  for (const raw of rawLines) {
    if (!isObject(raw)) throw faults.required('Line');
    const type = raw.DetailType;
    if (typeof type !== 'string') throw faults.required('Line.DetailType');
    if (!DETAIL_TYPES.has(type)) throw faults.invalidEnum('Line.DetailType', type);
    if (type === 'SubTotalLineDetail') continue;
    const line: Json = { ...raw, Id: typeof raw.Id === 'string' ? raw.Id : lineId() };
    if (type === 'SalesItemLineDetail') out.push(salesItemLine(ctx, line, nonUs, profile.taxName));
    else if (type === 'DiscountLineDetail') discounts.push(line);
    else out.push({ ...line, Amount: line.Amount === undefined ? undefined : money(dec(line.Amount)) });
  }
  const itemLines = out.filter((l) => l.DetailType === 'SalesItemLineDetail');
  const subtotal = sum(itemLines.map((l) => dec(l.Amount)));
  let discountTotal = new Decimal(0);
  for (const d of discounts) {
    const detail = isObject(d.DiscountLineDetail) ? d.DiscountLineDetail : {};
    if (detail.PercentBased === true && detail.DiscountPercent !== undefined) {
      d.Amount = money(subtotal.times(dec(detail.DiscountPercent)).dividedBy(100));
    } else if (d.Amount === undefined) throw faults.discountMissing();
    discountTotal = discountTotal.plus(dec(d.Amount));
  }
  if (discountTotal.greaterThan(subtotal)) throw faults.discountOverSubtotal();
  const { totalTax, taxLines } = nonUs
    ? computeTax(ctx, itemLines, globalTax)
    : { totalTax: new Decimal(0), taxLines: [] };
  const lines: Json[] = [...out, ...discounts].map((l, i) => ({ ...l, LineNum: i + 1 }));
  lines.push({ Amount: money(subtotal), DetailType: 'SubTotalLineDetail', SubTotalLineDetail: {} });
  const net = subtotal.minus(discountTotal);
  const total = globalTax === 'TaxInclusive' ? net : net.plus(totalTax);
  if (total.isNegative()) throw faults.negativeTotal();
  return { lines, subtotal, totalTax, total, taxLines };
}

function computeTax(
  ctx: OpContext,
  itemLines: Json[],
  globalTax: string,
): { totalTax: Decimal; taxLines: Json[] } {
  const byCode = new Map<string, Decimal>();
  for (const l of itemLines) {
    const code = refValue((l.SalesItemLineDetail as Json).TaxCodeRef) ?? '';
    byCode.set(code, (byCode.get(code) ?? new Decimal(0)).plus(dec(l.Amount)));
  }
  const rates = new Map(countryProfile(companyCountry(ctx)).taxCodes.map((c) => [c.id, c.ratePercent]));
  let totalTax = new Decimal(0);
  const taxLines: Json[] = [];
  for (const [code, base] of byCode) {
    const rate = new Decimal(rates.get(code) ?? 0);
    const tax =
      globalTax === 'TaxInclusive'
        ? base.times(rate).dividedBy(rate.plus(100))
        : base.times(rate).dividedBy(100);
    totalTax = totalTax.plus(dec(money(tax)));
    taxLines.push({
      Amount: money(tax),
      DetailType: 'TaxLineDetail',
      TaxLineDetail: {
        TaxRateRef: { value: code },
        PercentBased: true,
        TaxPercent: rate.toNumber(),
        NetAmountTaxable: money(globalTax === 'TaxInclusive' ? base.minus(tax) : base),
      },
    });
  }
  return { totalTax, taxLines };
}
