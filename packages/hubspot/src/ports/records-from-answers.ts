import type { RecordOf, SideRecord, SyncObject, WriteCommand } from '@ledgersync/sync-engine';
import type { HubSpotObject } from '../crm/hubspot-object.ts';
import type { CustomInvoiceProperty } from '../mapping/invoice-custom-properties.ts';
import { contactToCanonical } from '../mapping/map-contact.ts';
import { invoiceToCanonical } from '../mapping/map-invoice.ts';
import { paymentToCanonical } from '../mapping/map-payment.ts';
import { productToCanonical } from '../mapping/map-product.ts';
import { InvalidPropertyValue } from '../mapping/property-values.ts';
import type { InvoiceSourceCatalogue } from './invoice-source-catalogue.ts';

/** What a create's answers hold: the record as HubSpot answered its last write, and an invoice's lines. */
export interface CreateAnswer {
  readonly object: HubSpotObject;
  readonly lines?: readonly HubSpotObject[];
}

/**
 * A created record as HubSpot holds it, from the write answers instead of a read back: the answer's
 * properties over the ones sent (HubSpot need not echo what it was sent), the links the create made
 * inline. Null when the answer cannot be taken (then the record is read back).
 */
export async function recordFromCreate<O extends SyncObject>(
  command: Extract<WriteCommand<O>, { kind: 'create' }>,
  answer: CreateAnswer,
  custom: readonly CustomInvoiceProperty[],
  sources: InvoiceSourceCatalogue | null,
): Promise<SideRecord<O> | null> {
  const o = answer.object;
  try {
    const record = await map(command.object, command.record, answer, custom, sources);
    return {
      side: 'hubspot',
      object: command.object,
      id: o.id,
      version: o.updatedAt,
      createdAt: o.createdAt,
      updatedAt: o.updatedAt,
      record: record as SideRecord<O>['record'],
    };
  } catch (error) {
    if (error instanceof InvalidPropertyValue) return null;
    throw error;
  }
}

async function map(
  object: SyncObject,
  sent: RecordOf<SyncObject>,
  answer: CreateAnswer,
  custom: readonly CustomInvoiceProperty[],
  sources: InvoiceSourceCatalogue | null,
): Promise<RecordOf<SyncObject>> {
  const o = answer.object;
  if (object === 'customer') return contactToCanonical(o);
  if (object === 'product') return productToCanonical(o);
  if (object === 'payment') {
    const p = sent as RecordOf<'payment'>;
    return paymentToCanonical(o, p.customerId ?? null, [...new Set(p.appliedTo.map((a) => a.invoiceId))]);
  }
  const inv = sent as RecordOf<'invoice'>;
  // As a read orders them: HubSpot keeps no position on invoice lines; ids grow with creation.
  const lines = [...(answer.lines ?? [])].sort((a, b) => Number(a.id) - Number(b.id));
  const options = sources ? await sources.optionsFor([o.properties.hs_invoice_source ?? null]) : [];
  return invoiceToCanonical(o, lines, inv.customerId ?? null, custom, options);
}

/**
 * An updated record from the update's answer (over the planned record's properties). The links and
 * lines the update did not rewrite are the planned record's: the engine planned it from the record
 * as read, so they are what HubSpot holds. Null when the answer lacks the amounts HubSpot
 * calculates for an invoice (then it is read back).
 */
export async function recordFromUpdate<O extends SyncObject>(
  command: Extract<WriteCommand<O>, { kind: 'update' }>,
  answer: CreateAnswer,
  custom: readonly CustomInvoiceProperty[],
  sources: InvoiceSourceCatalogue | null,
): Promise<SideRecord<O> | null> {
  const o = answer.object;
  if (command.object === 'invoice' && CALCULATED.some((p) => o.properties[p] === undefined)) return null;
  const mapped = await recordFromCreate(
    { ...command, kind: 'create', counterpartId: '' } as Extract<WriteCommand<O>, { kind: 'create' }>,
    answer,
    custom,
    sources,
  );
  if (!mapped || command.object !== 'invoice' || answer.lines) return mapped;
  const planned = command.record as RecordOf<'invoice'>;
  return {
    ...mapped,
    record: { ...(mapped.record as RecordOf<'invoice'>), lines: planned.lines } as SideRecord<O>['record'],
  };
}

/** Invoice amounts HubSpot calculates from lines and payments: a write answer must carry them. */
const CALCULATED = ['hs_amount_billed', 'hs_balance_due'] as const;

/** The answer's properties over the ones sent: the record as HubSpot now holds it. */
export function withSent(answer: HubSpotObject, sent: Readonly<Record<string, string>>): HubSpotObject {
  return { ...answer, properties: { ...sent, ...answer.properties } };
}
