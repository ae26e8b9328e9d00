import type { InvoiceSource } from '@ledgersync/sync-engine';
import { z } from 'zod';

/** One option of HubSpot's `hs_invoice_source` property definition. */
export const invoiceSourceOptionSchema = z.object({ value: z.string(), label: z.string() });
export type InvoiceSourceOption = z.infer<typeof invoiceSourceOptionSchema>;

/**
 * The Invoice sources HubSpot's knowledge base names, by label ("HubSpot", "Data Sync", "Legacy
 * QuickBooks integration"); no document gives their values, so the values are read from the
 * portal's property definition and matched through these labels (docs/hubspot-api-facts.md).
 */
const DOCUMENTED_LABELS: readonly (readonly [RegExp, Exclude<InvoiceSource, 'unknown' | 'quickbooks'>])[] = [
  [/^hubspot$/i, 'hubspot'],
  [/^data sync$/i, 'integration'],
  [/^legacy quickbooks/i, 'legacy_quickbooks'],
];

/**
 * R-FLT-1: what an invoice's `hs_invoice_source` value means. Only a value whose option HubSpot
 * labels "HubSpot" is HubSpot's own; a value with no option, or an option no document names, is
 * `unknown` and never taken for HubSpot. `sourceName` is what people read (the option's label,
 * else the value).
 */
export function classifyInvoiceSource(
  raw: string | null,
  options: readonly InvoiceSourceOption[],
): { source: InvoiceSource; sourceName?: string } {
  const value = raw?.trim() ?? '';
  if (value === '') return { source: 'unknown', sourceName: '(none)' };
  const option = options.find((o) => o.value === value);
  if (option === undefined) return { source: 'unknown', sourceName: value };
  const known = DOCUMENTED_LABELS.find(([label]) => label.test(option.label.trim()))?.[1];
  if (known === 'hubspot') return { source: 'hubspot' };
  return { source: known ?? 'unknown', sourceName: option.label };
}

/** True when every value has an option: nothing calls for reading the definition again. */
export function allKnown(
  values: readonly (string | null)[],
  options: readonly InvoiceSourceOption[],
): boolean {
  return values.every((v) => (v ?? '').trim() === '' || options.some((o) => o.value === v?.trim()));
}
