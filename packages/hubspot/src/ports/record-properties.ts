import type { RecordOf, SyncObject } from '@ledgersync/sync-engine';
import type { Properties } from '../crm/hubspot-object.ts';
import type { CustomInvoiceProperty } from '../mapping/invoice-custom-properties.ts';
import { canonicalToContactProperties } from '../mapping/map-contact.ts';
import { canonicalToInvoiceProperties } from '../mapping/map-invoice.ts';
import { canonicalToPaymentProperties } from '../mapping/map-payment.ts';
import { canonicalToProductProperties } from '../mapping/map-product.ts';

/** Header properties for a whole or partial canonical record (lines and links are written apart). */
export function propertiesFor<O extends SyncObject>(
  object: O,
  record: Partial<RecordOf<O>>,
  custom: readonly CustomInvoiceProperty[] = [],
): Properties {
  switch (object) {
    case 'customer':
      return canonicalToContactProperties(record as Partial<RecordOf<'customer'>>);
    case 'product':
      return canonicalToProductProperties(record as Partial<RecordOf<'product'>>);
    case 'invoice':
      return canonicalToInvoiceProperties(record as Partial<RecordOf<'invoice'>>, custom);
    default:
      return canonicalToPaymentProperties(record as Partial<RecordOf<'payment'>>);
  }
}
