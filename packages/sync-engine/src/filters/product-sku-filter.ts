import type { SideRecord } from '../records/side-record.ts';
import { type FilterResult, INCLUDED } from './filter-result.ts';

/** R-FLT-3: by default only products with a SKU sync, since SKU is the matching key. */
export function filterProductBySku(product: SideRecord<'product'>, requireSku: boolean): FilterResult {
  if (!requireSku) return INCLUDED;
  const sku = product.record.sku;
  return sku !== null && sku.trim() !== '' ? INCLUDED : { included: false, exclusion: { reason: 'no_sku' } };
}
