import type { CanonicalProduct } from '@ledgersync/sync-engine';
import type { QboItem } from '../entities/item.ts';
import { out, plainIn } from './decimals.ts';

export function productFromQbo(item: QboItem): CanonicalProduct {
  return {
    name: item.Name,
    sku: item.Sku ?? null,
    description: item.Description ?? null,
    unitPrice: item.UnitPrice === undefined ? null : plainIn(item.UnitPrice, '0'),
    active: item.Active ?? true,
    incomeAccountId: item.IncomeAccountRef?.value ?? null,
  };
}

export function productToQbo(p: Partial<CanonicalProduct>, creating: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = creating ? { Type: 'Service' } : {};
  if (p.name !== undefined) body.Name = p.name;
  if (p.sku !== undefined) body.Sku = p.sku ?? '';
  if (p.description !== undefined) body.Description = p.description ?? '';
  if (p.unitPrice !== undefined && p.unitPrice !== null) body.UnitPrice = out(p.unitPrice);
  if (p.active !== undefined) body.Active = p.active;
  if (p.incomeAccountId !== undefined && p.incomeAccountId !== null) {
    body.IncomeAccountRef = { value: p.incomeAccountId };
  }
  return body;
}
