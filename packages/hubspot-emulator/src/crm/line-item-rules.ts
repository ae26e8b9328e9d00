import Decimal from 'decimal.js';
import { validation } from '../http/hubspot-error.ts';
import type { Portal } from './portal.ts';

const dec = (v: string | undefined): Decimal => {
  try {
    return new Decimal(v === undefined || v === '' ? 0 : v);
  } catch {
    return new Decimal(0);
  }
};

/** amount = quantity × price, less an absolute discount or a percentage discount (as HubSpot's calculator). */
export function lineItemAmount(props: Record<string, string>): string {
  const gross = dec(props.quantity ?? '1').times(dec(props.price));
  const net = props.discount
    ? gross.minus(dec(props.discount).times(dec(props.quantity ?? '1')))
    : gross.times(new Decimal(1).minus(dec(props.hs_discount_percentage).dividedBy(100)));
  return net.toString();
}

/** Copies the product's name, price, SKU and description into a new line item when absent. */
export function fillFromProduct(portal: Portal, props: Record<string, string>): void {
  const productId = props.hs_product_id;
  if (!productId) return;
  const product = portal.live('0-7', productId);
  if (!product) throw validation(`Product with id ${productId} does not exist`);
  for (const name of ['name', 'price', 'hs_sku', 'description']) {
    const value = product.properties[name];
    if (props[name] === undefined && value !== undefined) props[name] = value;
  }
}

export function checkPrice(props: Record<string, string>): void {
  if (props.price !== undefined && props.price !== '' && Number(props.price) < 0) {
    throw validation('price cannot be negative');
  }
}
