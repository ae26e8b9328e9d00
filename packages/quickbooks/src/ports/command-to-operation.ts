import { type CanonicalRecords, syncError, type WriteCommand } from '@ledgersync/sync-engine';
import type { BatchOperation } from '../api/batch-operations.ts';

import { customerToQbo } from '../mapping/customer-mapping.ts';
import { UnknownInvoiceFieldError } from '../mapping/invoice-custom-fields.ts';
import { type InvoiceWriteContext, invoiceToQbo, UnmappableLineError } from '../mapping/invoice-to-qbo.ts';
import { paymentToQbo } from '../mapping/payment-mapping.ts';
import { productToQbo } from '../mapping/product-mapping.ts';
import { ENTITY_OF } from './record-mappers.ts';

export type Planned =
  | { readonly ok: true; readonly op: BatchOperation }
  | { readonly ok: false; readonly error: ReturnType<typeof syncError> };

/** QBO body fields for canonical fields of any object (all for a create, the changed ones for an update). */
export function fieldsToQbo(
  object: keyof CanonicalRecords,
  fields: Partial<CanonicalRecords[keyof CanonicalRecords]>,
  ctx: InvoiceWriteContext,
  creating: boolean,
): Record<string, unknown> {
  switch (object) {
    case 'customer':
      return customerToQbo(fields as Partial<CanonicalRecords['customer']>);
    case 'product':
      return productToQbo(fields as Partial<CanonicalRecords['product']>, creating);
    case 'invoice':
      return invoiceToQbo(fields as Partial<CanonicalRecords['invoice']>, ctx);
    default:
      return paymentToQbo(
        fields as Partial<CanonicalRecords['payment']>,
        ctx.homeCurrency,
        ctx.paymentMethods,
      );
  }
}

/** Turns an engine command into one QBO batch operation, or a failure that needs no call. */
export function commandToOperation(command: WriteCommand, ctx: InvoiceWriteContext): Planned {
  const entity = ENTITY_OF[command.object];
  try {
    switch (command.kind) {
      case 'create':
        return {
          ok: true,
          op: { kind: 'create', entity, body: fieldsToQbo(command.object, command.record, ctx, true) },
        };
      case 'update': {
        const changes: Record<string, unknown> = { ...command.changes };
        let context = ctx;
        if (command.object === 'invoice') {
          const invoice = command.record as CanonicalRecords['invoice'];
          // QBO replaces every line when Line is sent: always send the whole list.
          if ('lines' in changes) changes.lines = invoice.lines;
          context = { ...ctx, invoiceCurrency: invoice.currency };
        }
        const body = {
          ...fieldsToQbo(command.object, changes, context, false),
          Id: command.id,
          SyncToken: command.expectedVersion,
        };
        return { ok: true, op: { kind: 'update', entity, body, sparse: true } };
      }
      case 'void':
        if (entity !== 'Invoice' && entity !== 'Payment') {
          return {
            ok: false,
            error: syncError('invalid_field_value', `A QuickBooks ${entity} cannot be voided`),
          };
        }
        return {
          ok: true,
          op: { kind: 'void', entity, ref: { Id: command.id, SyncToken: command.expectedVersion } },
        };
      default:
        return { ok: false, error: syncError('unexpected_remote_error', 'Not a batch operation') };
    }
  } catch (error) {
    if (error instanceof UnmappableLineError) {
      return { ok: false, error: syncError('custom_line_item_account_missing', error.message) };
    }
    if (error instanceof UnknownInvoiceFieldError) {
      return { ok: false, error: syncError('invalid_field_value', error.message) };
    }
    throw error;
  }
}
