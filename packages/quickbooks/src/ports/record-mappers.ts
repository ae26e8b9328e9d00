import type { SideRecord, SyncObject } from '@ledgersync/sync-engine';
import type { EntityOf } from '../entities/registry.ts';
import { customerFromQbo } from '../mapping/customer-mapping.ts';
import { invoiceFromQbo } from '../mapping/invoice-from-qbo.ts';
import { paymentFromQbo } from '../mapping/payment-mapping.ts';
import { productFromQbo } from '../mapping/product-mapping.ts';
import { envelope } from '../mapping/side-record-envelope.ts';

/** Which QBO entity holds each engine object. */
export const ENTITY_OF = {
  customer: 'Customer',
  product: 'Item',
  invoice: 'Invoice',
  payment: 'Payment',
} as const satisfies Record<SyncObject, string>;
export type EntityFor<O extends SyncObject> = (typeof ENTITY_OF)[O];

export function toSideRecord<O extends SyncObject>(
  object: O,
  entity: EntityOf<EntityFor<O>>,
  homeCurrency: string,
): SideRecord<O> {
  switch (object) {
    case 'customer':
      return envelope(
        'customer',
        entity as EntityOf<'Customer'>,
        customerFromQbo(entity as EntityOf<'Customer'>),
      ) as SideRecord<O>;
    case 'product': {
      const item = entity as EntityOf<'Item'>;
      // The item's Type is for product rule filters only (R-FLT-5); HubSpot products have none.
      const product: SideRecord<'product'> = {
        ...envelope('product', item, productFromQbo(item)),
        filterValues: { type: item.Type ?? null },
      };
      return product as SideRecord<O>;
    }
    case 'invoice': {
      const inv = entity as EntityOf<'Invoice'>;
      return envelope('invoice', inv, invoiceFromQbo(inv, homeCurrency)) as SideRecord<O>;
    }
    default: {
      const pay = entity as EntityOf<'Payment'>;
      return envelope('payment', pay, paymentFromQbo(pay, homeCurrency)) as SideRecord<O>;
    }
  }
}
