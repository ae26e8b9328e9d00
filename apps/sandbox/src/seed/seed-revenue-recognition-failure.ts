import { type HubSpotObject, hubspotAsUser, quickbooksAsUser } from './emulator-calls.ts';
import { type CardWatch, invoiceStatuses, waitForCard, waitForStatuses } from './wait-for-card.ts';

interface QboPreferences {
  Preferences: { SyncToken: string };
}

/** What the bookkeeper switches in QuickBooks' Account and settings → Advanced. */
export async function setRevenueRecognition(qboUrl: string, realmId: string, on: boolean): Promise<void> {
  const qbo = await quickbooksAsUser(qboUrl, realmId);
  const { Preferences } = await qbo.get<QboPreferences>('/preferences');
  await qbo.post('/preferences', {
    SyncToken: Preferences.SyncToken,
    sparse: true,
    ProductAndServicesPrefs: { RevenueRecognition: on },
  });
}

/**
 * Null once every seeded invoice has had its first sync pass (synced, excluded or failed), so the
 * company-wide switch hits the invoice made after it rather than one still in the queue; otherwise
 * the id of the first one still waiting. (An invoice whose contact lost the display-name race,
 * R-ERR-2, stays failed with a missing customer; it is not retried until someone fixes the contact.)
 */
async function invoicesSettled(watch: CardWatch, invoiceIds: readonly string[], timeoutMs: number) {
  const settled = (status: string | undefined) =>
    status === 'synced' || status === 'excluded' || status === 'failed';
  const statuses = await waitForStatuses(
    watch,
    (s) => invoiceIds.every((id) => settled(s.get(id))),
    timeoutMs,
  );
  if (statuses) return null;
  const last = await invoiceStatuses(watch);
  return invoiceIds.find((id) => !settled(last.get(id))) ?? null;
}

/**
 * R-ERR-3: the bookkeeper turns revenue recognition on in QuickBooks, then a sales user finalizes
 * an invoice in HubSpot; HubSpot lines carry no service date, so QuickBooks refuses it and the card
 * explains why. Revenue recognition stays on (any later pass would sync the invoice again once it
 * is off): the settings page warns about it (R-CON-6), and the preview's QuickBooks view can turn
 * it off, after which Resync shows the card's fix work. Waits for the seeded invoices first.
 * Returns the invoice, or why it gave up.
 */
export async function failOnRevenueRecognition(
  watch: CardWatch,
  urls: { hubspot: string; quickbooks: string },
  realmId: string,
  line: { contactId: string; product: HubSpotObject },
  seededIds: readonly string[],
  timeoutMs: number,
): Promise<{ id: string; number: string | null } | string> {
  const waiting = await invoicesSettled(watch, seededIds, timeoutMs);
  if (waiting) return `invoice ${waiting} was still syncing; revenue recognition left off`;
  if (watch.signal.aborted) return 'the sandbox closed';
  await setRevenueRecognition(urls.quickbooks, realmId, true);
  const hs = hubspotAsUser(urls.hubspot, watch.hubId, 2);
  const draft = await hs.control<HubSpotObject>('/ui/invoices', {
    contactId: line.contactId,
    lineItems: [
      {
        name: line.product.properties.name ?? 'Item',
        quantity: '3',
        price: line.product.properties.price ?? '10',
        hs_product_id: line.product.id,
      },
    ],
  });
  const invoice = await hs.control<HubSpotObject>(`/ui/invoices/${draft.id}/finalize`);
  const failed = await waitForCard(
    watch,
    draft.id,
    (card) => card.error?.code === 'service_date_required',
    timeoutMs,
  );
  return failed
    ? { id: draft.id, number: invoice.properties.hs_number ?? null }
    : `invoice ${draft.id} did not fail with service_date_required in time`;
}
