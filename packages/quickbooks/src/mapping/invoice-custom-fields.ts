import type { CustomFieldValue } from '@ledgersync/sync-engine';
import type { QboInvoice } from '../entities/invoice.ts';
import { plainIn } from './decimals.ts';

// R-MAP-4 / R-FAQ-1: custom mappings join a HubSpot property to a QBO invoice field, named the
// way the settings catalogue names them: `CustomField:<DefinitionId>` for a custom field, or a
// standard field's own name (TrackingNum, ShipDate…). The canonical record keeps these values
// under those keys in `customFields`, read from and written to QBO here.

const CUSTOM = /^CustomField:(.+)$/;
/** Keys written before the catalogue's `CustomField:` prefix: a bare DefinitionId. */
const BARE_DEFINITION_ID = /^\d+$/;

type Values = Record<string, CustomFieldValue | null>;

const text = (value: string | undefined): CustomFieldValue | null =>
  value === undefined || value === '' ? null : { type: 'string', value };
const date = (value: string | undefined): CustomFieldValue | null =>
  value === undefined || value === '' ? null : { type: 'date', value: value.slice(0, 10) };

/** Standard invoice fields a mapping may name, read into and written from a typed value. */
const STANDARD: Readonly<
  Record<string, { read: (i: QboInvoice) => CustomFieldValue | null; write: (v: string) => unknown }>
> = {
  DocNumber: { read: (i) => text(i.DocNumber), write: (v) => v },
  TxnDate: { read: (i) => date(i.TxnDate), write: (v) => v },
  DueDate: { read: (i) => date(i.DueDate), write: (v) => v },
  ShipDate: { read: (i) => date(field(i, 'ShipDate')), write: (v) => v },
  TrackingNum: { read: (i) => text(field(i, 'TrackingNum')), write: (v) => v },
  // QBO has no ship-method list: the reference "resolves to a string", its name.
  ShipMethodRef: { read: (i) => text(ref(i, 'ShipMethodRef')), write: (v) => ({ value: v, name: v }) },
  CustomerMemo: { read: (i) => text(i.CustomerMemo?.value), write: (v) => ({ value: v }) },
  PrivateNote: { read: (i) => text(i.PrivateNote), write: (v) => v },
  BillEmail: { read: (i) => text(i.BillEmail?.Address), write: (v) => ({ Address: v }) },
};
const DATE_FIELDS = new Set(['TxnDate', 'DueDate', 'ShipDate']);

function field(invoice: QboInvoice, name: string): string | undefined {
  const v = (invoice as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : undefined;
}

function ref(invoice: QboInvoice, name: string): string | undefined {
  const v = (invoice as Record<string, unknown>)[name] as { name?: unknown; value?: unknown } | undefined;
  const s = v?.name ?? v?.value;
  return typeof s === 'string' ? s : undefined;
}

/** Every custom field QBO returns (by DefinitionId) and every mappable standard field that is set. */
export function customFieldsFromQbo(invoice: QboInvoice): Values {
  const out: Values = {};
  for (const f of invoice.CustomField ?? []) {
    const key = `CustomField:${f.DefinitionId}`;
    if (f.StringValue !== undefined) out[key] = text(f.StringValue);
    else if (f.NumberValue !== undefined) out[key] = { type: 'number', value: plainIn(f.NumberValue, '0') };
    else if (f.DateValue !== undefined) out[key] = date(f.DateValue);
    else if (f.BooleanValue !== undefined) out[key] = { type: 'boolean', value: f.BooleanValue };
    else out[key] = null;
  }
  // Standard fields only when set: a null here would be written back as a clear.
  for (const [name, spec] of Object.entries(STANDARD)) {
    const value = spec.read(invoice);
    if (value !== null) out[name] = value;
  }
  return out;
}

/**
 * Body fields for the given custom values. The REST API writes legacy custom fields only, and
 * only as text (StringValue). A date cannot be cleared by a sparse update, so a null date is
 * left as QBO holds it; other nulls clear the field. Unknown keys are refused, naming the key.
 */
export function customFieldsToQbo(values: Values): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const custom: Record<string, unknown>[] = [];
  for (const [key, v] of Object.entries(values)) {
    const definitionId = CUSTOM.exec(key)?.[1] ?? (BARE_DEFINITION_ID.test(key) ? key : undefined);
    const asText = v === null ? '' : String(v.value);
    if (definitionId !== undefined) {
      custom.push({ DefinitionId: definitionId, Type: 'StringType', StringValue: asText });
      continue;
    }
    const spec = STANDARD[key];
    if (!spec) throw new UnknownInvoiceFieldError(key);
    if (v === null && DATE_FIELDS.has(key)) continue;
    body[key] = spec.write(asText);
  }
  if (custom.length > 0) body.CustomField = custom;
  return body;
}

export class UnknownInvoiceFieldError extends Error {
  constructor(readonly field: string) {
    super(
      `Custom mapping names the QuickBooks invoice field "${field}", which LedgerSync cannot write (expected CustomField:<id> or one of ${Object.keys(STANDARD).join(', ')}).`,
    );
  }
}
