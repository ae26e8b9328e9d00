import type { InvoiceSettings } from '../settings/portal-settings.ts';

/**
 * R-OBJ-4: payments sync both ways whenever invoice sync is on and outbound or two-way; an
 * inbound-only invoice sync does not sync payments. There is no separate switch.
 */
export function paymentSyncEnabled(invoice: Pick<InvoiceSettings, 'enabled' | 'direction'>): boolean {
  return invoice.enabled && invoice.direction !== 'quickbooks_to_hubspot';
}
