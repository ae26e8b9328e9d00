import { EXCLUSION_REASONS } from '@ledgersync/sync-engine';

const isKnownReason = (reason: string): reason is keyof typeof EXCLUSION_REASONS =>
  Object.hasOwn(EXCLUSION_REASONS, reason);

/**
 * Why a record is left out, in words (R-VIS-5). A reason this version does not know (written by an
 * older or newer one) still reads as a sentence, never as its stored code.
 */
export function explainExclusion(reason: string | null, detail: string | null = null): string | null {
  if (reason === null) return null;
  const text = isKnownReason(reason) ? EXCLUSION_REASONS[reason] : 'Left out of the sync on purpose.';
  // An invoice source is named first ('Invoice source "Stripe" is not HubSpot'), so an admin sees
  // on day one which value LedgerSync does not recognise (R-FLT-1).
  const named = (reason === 'unknown_invoice_source' || reason === 'not_hubspot_source') && detail;
  if (named) return `${detail}. ${text}`;
  // The engine words a filter's detail for people ("Created date is after 7 Dec 2026, 17:40 UTC"),
  // so the admin sees which filter left the record out (R-FLT-2, R-FLT-5).
  return reason === 'filtered' && detail ? `Left out by the sync filter "${detail}".` : text;
}
