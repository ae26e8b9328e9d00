import type { SyncSettings } from '@ledgersync/db';
import {
  type CompanyProfile,
  checkOutboundInvoiceSetup,
  type SyncObject,
  type TaxMapping,
} from '@ledgersync/sync-engine';
import { conflict } from '../http/http-error.ts';
import { OBJECT_NOUN } from './stored-settings.ts';

/** What the checks may need, read only when they do. */
export interface TurnOnSetup {
  enabledObjects: () => Promise<readonly SyncObject[]>;
  company: () => Promise<CompanyProfile>;
  customLineItemIncomeAccountId: string | null;
  taxMapping: TaxMapping | null;
}

/**
 * R-CON-4: invoices need contacts and products set up first. R-ERR-5/R-ERR-3 and the Custom Line
 * Item account: outbound invoice sync is refused at set-up when the company cannot take it.
 */
export async function assertCanTurnOn(
  object: SyncObject,
  direction: SyncSettings['direction'],
  setup: TurnOnSetup,
): Promise<void> {
  if (object !== 'invoice') return;
  const enabled = await setup.enabledObjects();
  const missing = (['customer', 'product'] as const).filter((o) => !enabled.includes(o));
  if (missing.length > 0) {
    throw conflict(
      'dependencies_not_set_up',
      `Set up ${missing.map((o) => OBJECT_NOUN[o]).join(' and ')} sync before invoice sync: invoices need their customers and products in QuickBooks.`,
      { missing },
    );
  }
  if (direction === 'quickbooks_to_hubspot') return;
  const check = checkOutboundInvoiceSetup(await setup.company(), {
    direction: direction === 'off' ? 'two_way' : direction,
    taxMapping: setup.taxMapping,
    customLineItemIncomeAccountId: setup.customLineItemIncomeAccountId,
  });
  const first = check.errors[0];
  if (first) {
    throw conflict(first.code, first.message, {
      errors: check.errors.map((e) => ({ code: e.code, message: e.message })),
    });
  }
}
