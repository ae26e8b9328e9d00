import { syncError } from '../errors/sync-error-catalogue.ts';
import type { SyncError } from '../errors/sync-error-code.ts';
import { Dec, normalizeDecimal } from '../money/money.ts';
import type { CanonicalInvoiceLine, LineDiscount } from '../records/canonical-invoice.ts';
import type { PaymentApplication } from '../records/canonical-payment.ts';
import type { CustomFieldValue } from '../records/field-values.ts';
import type { RecordOf } from '../records/side-record.ts';
import type { Side, SyncObject } from '../records/sync-object.ts';
import type { CustomMapping, TaxMapping } from '../settings/portal-settings.ts';
import { enabledDefaultMappings, type FieldFlow } from './default-field-mappings.ts';
import type { RefIndex } from './ref-index.ts';

export interface ProjectionContext {
  readonly refs: RefIndex;
  /** QBO id of the "Custom Line Item" item, when it exists (R-OBJ-1). */
  readonly customLineItemId: string | null;
  readonly taxMapping: TaxMapping | null;
}

export type WriteValue = { ok: true; value: unknown } | { ok: false; error: SyncError };

/**
 * One field as the merge sees it. `read` gives a neutral value (references as link ids, decimals
 * normalised) so the two sides can be compared; `toSide` turns a neutral value back into the
 * target side's value.
 */
export interface FieldSpec {
  readonly key: string;
  readonly label: string;
  readonly flow: FieldFlow;
  read(side: Side, record: RecordOf<SyncObject>): unknown;
  /**
   * The form values are compared in ("1.50" and "1.5" are one amount; an empty string and no value
   * are one blank, since QBO reads a cleared field back as "" where HubSpot has null); writes keep
   * the read form.
   */
  normalize(value: unknown): unknown;
  toSide(side: Side, value: unknown): WriteValue;
  assign(side: Side, record: RecordOf<SyncObject>, value: unknown): RecordOf<SyncObject>;
}

type Rec = Record<string, unknown>;
const plain = (key: string) => ({
  assign: (_side: Side, record: RecordOf<SyncObject>, value: unknown) =>
    ({ ...(record as Rec), [key]: value }) as unknown as RecordOf<SyncObject>,
});
const ok = (value: unknown): WriteValue => ({ ok: true, value });
const blankToNull = (v: unknown) => (v === '' ? null : v);
const normDec = (v: string | null) => (v === null ? null : normalizeDecimal(v));
// HubSpot holds an amount discount per unit, to six decimals: a total that does not divide by the
// quantity comes back a millionth off, so amount discounts compare to the cent (the line amount,
// compared exactly, still tells any real change).
const normDiscount = (d: LineDiscount | null) =>
  d === null
    ? null
    : {
        kind: d.kind,
        value: normalizeDecimal(d.kind === 'amount' ? new Dec(d.value).toDecimalPlaces(2) : d.value),
      };

interface NeutralLine {
  product: string | null;
  description: string | null;
  quantity: string;
  unitPrice: string;
  discount: LineDiscount | null;
  amount: string;
}

function specsFor(object: SyncObject, disabled: readonly string[], ctx: ProjectionContext): FieldSpec[] {
  const { refs } = ctx;
  return enabledDefaultMappings(object, disabled).map((m): FieldSpec => {
    const base = { key: m.key, label: m.label, flow: m.flow, normalize: blankToNull, ...plain(m.key) };
    const raw = (record: RecordOf<SyncObject>) => (record as unknown as Rec)[m.key];
    switch (m.transform) {
      case 'decimal':
        return {
          ...base,
          read: (_s, r) => raw(r) ?? null,
          normalize: (v) => normDec(v as string | null),
          toSide: (_s, v) => ok(v),
        };
      case 'customer_ref':
        return {
          ...base,
          read: (side, r) => {
            const id = raw(r) as string | null;
            return id === null ? null : (refs.linkIdOf('customer', side, id) ?? `unlinked:${side}:${id}`);
          },
          toSide: (side, v) => {
            if (v === null) return ok(null);
            const id = refs.idOn('customer', side, v as string);
            if (id !== null) return ok(id);
            return side === 'quickbooks'
              ? {
                  ok: false,
                  error: syncError(
                    'invoice_customer_missing',
                    'The billing contact has no QuickBooks customer.',
                  ),
                }
              : {
                  ok: false,
                  error: syncError('dependency_not_synced', 'The QuickBooks customer is not synced.'),
                };
          },
        };
      case 'lines':
        return {
          ...base,
          read: (side, r) => (raw(r) as CanonicalInvoiceLine[]).map((l) => neutralLine(side, l, ctx)),
          normalize: (v) =>
            (v as NeutralLine[]).map((l) => ({
              ...l,
              quantity: normalizeDecimal(l.quantity),
              unitPrice: normalizeDecimal(l.unitPrice),
              discount: normDiscount(l.discount),
              amount: normalizeDecimal(l.amount),
            })),
          toSide: (side, v) => linesToSide(side, v as NeutralLine[], ctx),
        };
      case 'payment_applications':
        return {
          ...base,
          read: (side, r) =>
            (raw(r) as PaymentApplication[])
              .map((a) => ({
                invoice: refs.linkIdOf('invoice', side, a.invoiceId) ?? `unlinked:${side}:${a.invoiceId}`,
                amount: a.amount,
              }))
              .sort((x, y) => (x.invoice < y.invoice ? -1 : x.invoice > y.invoice ? 1 : 0)),
          normalize: (v) =>
            (v as { invoice: string; amount: string }[]).map((a) => ({
              ...a,
              amount: normalizeDecimal(a.amount),
            })),
          toSide: (side, v) => {
            const apps: PaymentApplication[] = [];
            for (const a of v as { invoice: string; amount: string }[]) {
              const id = refs.idOn('invoice', side, a.invoice);
              if (id === null) {
                return {
                  ok: false,
                  error: syncError(
                    'payment_invoice_not_linked',
                    'The payment is applied to an invoice that is not synced.',
                  ),
                };
              }
              apps.push({ invoiceId: id, amount: a.amount });
            }
            return ok(apps);
          },
        };
      default:
        return { ...base, read: (_s, r) => raw(r) ?? null, toSide: (_s, v) => ok(v) };
    }
  });
}

function neutralLine(side: Side, line: CanonicalInvoiceLine, ctx: ProjectionContext): NeutralLine {
  // An unlinked product and the Custom Line Item both mean "no synced product" (R-OBJ-1); so does
  // a product with a link row but no counterpart (one excluded, such as an item without a SKU).
  const link =
    line.productId === null || (side === 'quickbooks' && line.productId === ctx.customLineItemId)
      ? null
      : ctx.refs.linkOf('product', side, line.productId);
  const product = link?.hubspotId && link.quickbooksId ? link.id : null;
  return {
    product,
    description: line.description,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    discount: line.discount,
    amount: line.amount,
  };
}

function linesToSide(side: Side, lines: NeutralLine[], ctx: ProjectionContext): WriteValue {
  const out: CanonicalInvoiceLine[] = [];
  for (const l of lines) {
    let productId = l.product === null ? null : ctx.refs.idOn('product', side, l.product);
    let taxCodeId: string | null = null;
    if (side === 'quickbooks') {
      if (productId === null) {
        if (ctx.customLineItemId === null) {
          return {
            ok: false,
            error: syncError(
              'custom_line_item_account_missing',
              'A line needs the Custom Line Item in QuickBooks.',
            ),
          };
        }
        productId = ctx.customLineItemId;
      }
      const hubspotProduct = l.product === null ? null : ctx.refs.idOn('product', 'hubspot', l.product);
      taxCodeId = ctx.taxMapping
        ? ((hubspotProduct && ctx.taxMapping.byHubspotProductId[hubspotProduct]) ??
          ctx.taxMapping.defaultTaxCodeId)
        : null;
    }
    const { product: _neutralRef, ...rest } = l;
    out.push({ ...rest, productId, taxCodeId, serviceDate: null });
  }
  return ok(out);
}

function customSpec(mapping: CustomMapping): FieldSpec {
  const keyOn = (side: Side) => (side === 'hubspot' ? mapping.hubspot.property : mapping.quickbooks.field);
  const flow: FieldFlow = mapping.direction;
  return {
    key: `custom:${mapping.id}`,
    label: `${mapping.hubspot.label} ⇄ ${mapping.quickbooks.label}`,
    flow,
    read: (side, r) =>
      (r as { customFields?: Record<string, CustomFieldValue | null> }).customFields?.[keyOn(side)] ?? null,
    normalize: (v) => {
      const c = v as CustomFieldValue | null;
      return c && c.type === 'number' ? { type: 'number', value: normalizeDecimal(c.value) } : c;
    },
    toSide: (_s, v) => ok(v),
    assign: (side, r, v) => {
      const rec = r as unknown as { customFields: Record<string, unknown> };
      return {
        ...rec,
        customFields: { ...rec.customFields, [keyOn(side)]: v },
      } as unknown as RecordOf<SyncObject>;
    },
  };
}

/** Every field that takes part in the sync of `object`, defaults first, then enabled custom mappings. */
export function fieldSpecs(
  object: SyncObject,
  disabledFields: readonly string[],
  customMappings: readonly CustomMapping[],
  ctx: ProjectionContext,
): FieldSpec[] {
  const defaults = specsFor(object, disabledFields, ctx);
  if (object !== 'invoice') return defaults;
  return [...defaults, ...customMappings.filter((c) => c.enabled).map(customSpec)];
}
