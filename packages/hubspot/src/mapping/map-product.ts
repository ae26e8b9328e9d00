import type { CanonicalProduct } from '@ledgersync/sync-engine';
import type { HubSpotObject, Properties } from '../crm/hubspot-object.ts';
import { decimal, text, toHubSpotText } from './property-values.ts';

export const PRODUCT_PROPERTIES = ['name', 'hs_sku', 'description', 'price'] as const;

export function productToCanonical(product: HubSpotObject): CanonicalProduct {
  const p = product.properties;
  return {
    name: text(p.name) ?? '',
    sku: text(p.hs_sku),
    description: text(p.description),
    unitPrice: decimal(p.price),
    active: product.archived !== true,
    incomeAccountId: null,
  };
}

export function canonicalToProductProperties(c: Partial<CanonicalProduct>): Properties {
  const out: Properties = {};
  if (c.name !== undefined) out.name = c.name;
  if (c.sku !== undefined) out.hs_sku = toHubSpotText(c.sku);
  if (c.description !== undefined) out.description = toHubSpotText(c.description);
  if (c.unitPrice !== undefined) out.price = toHubSpotText(c.unitPrice);
  return out;
}
