import { editAmountInQuickBooks } from './seed-amount-edit.ts';
import type { HubSpotDemoData } from './seed-data.ts';
import type { SeededInvoice } from './seed-hubspot-invoices.ts';
import { failOnRevenueRecognition } from './seed-revenue-recognition-failure.ts';
import { type CardWatch, waitForCard, waitForStatuses } from './wait-for-card.ts';

export interface LateFailures {
  /** Once every step has ended: the invoices that reached their failure, and why any step gave up. */
  done: Promise<{ invoices: SeededInvoice[]; gaveUp: string[] }>;
  /** Stops waiting (the sandbox is closing) and resolves once the steps have let go. */
  stop(): Promise<void>;
}

const STEP_TIMEOUT_MS = 90_000;

/** The first of `invoices` (in order) that has synced, waiting until one has or `timeoutMs`. */
async function firstSynced(watch: CardWatch, invoices: readonly SeededInvoice[], timeoutMs: number) {
  const statuses = await waitForStatuses(
    watch,
    (s) => invoices.some((i) => s.get(i.id) === 'synced'),
    timeoutMs,
  );
  return invoices.find((i) => statuses?.get(i.id) === 'synced');
}

/**
 * The failures that need a synced invoice first (R-ERR-4, then R-ERR-3), run after start so the
 * sandbox is usable at once; one after the other, since R-ERR-3 switches a company-wide
 * QuickBooks preference that would also refuse the R-ERR-4 edit.
 */
export function seedLateFailures(
  watch: Omit<CardWatch, 'signal'>,
  urls: { hubspot: string; quickbooks: string },
  realmId: string,
  seeded: readonly SeededInvoice[],
  catalog: HubSpotDemoData,
): LateFailures {
  // Which contact of a company gets its name in QBO (R-OBJ-2) depends on sync order, so which
  // seeded invoices sync is only known later: R-ERR-4 edits the first candidate that synced.
  // The first open invoice is the one the sandbox suggests paying; it is left alone.
  const firstOpen = seeded.find((i) => i.state === 'open' && i.failsWith === undefined);
  const candidates = seeded.filter(
    (i) =>
      i !== firstOpen && i.failsWith === undefined && ['open', 'partially_paid', 'paid'].includes(i.state),
  );
  const settling = seeded.filter((i) => i.state !== 'draft').map((i) => i.id);
  const synced = seeded.filter((i) => i.state !== 'draft' && i.failsWith === undefined);
  const controller = new AbortController();
  const w: CardWatch = { ...watch, signal: controller.signal };
  const invoices: SeededInvoice[] = [];
  const gaveUp: string[] = [];
  // Each step's failure is its own: one giving up does not cost the other its example.
  const step = async (name: string, body: () => Promise<SeededInvoice | string>) => {
    if (controller.signal.aborted) return;
    try {
      const result = await body();
      if (typeof result === 'string') gaveUp.push(`${name}: ${result}`);
      else invoices.push(result);
    } catch (error) {
      gaveUp.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const run = async () => {
    await step('R-ERR-4', async () => {
      const edited = await firstSynced(w, candidates, STEP_TIMEOUT_MS);
      if (!edited?.number) return 'no open invoice synced in time';
      edited.failsWith = 'R-ERR-4';
      if (!(await editAmountInQuickBooks(urls.quickbooks, realmId, edited.number, STEP_TIMEOUT_MS)))
        return `invoice ${edited.number} was not found in QuickBooks in time`;
      const code = 'hubspot_native_edited_in_quickbooks';
      return (await waitForCard(w, edited.id, (c) => c.error?.code === code, STEP_TIMEOUT_MS))
        ? edited
        : `invoice ${edited.number} did not fail with ${code} in time`;
    });
    await step('R-ERR-3', async () => {
      // A contact whose invoice synced has a QBO customer, so the refusal is the service date's.
      const withCustomer = await firstSynced(w, synced, STEP_TIMEOUT_MS);
      const product = catalog.products[0];
      if (!withCustomer || !product) return 'no synced invoice or product to copy from';
      const line = { contactId: withCustomer.contactId, product };
      const failed = await failOnRevenueRecognition(w, urls, realmId, line, settling, STEP_TIMEOUT_MS);
      return typeof failed === 'string'
        ? failed
        : { ...failed, state: 'open', contactId: line.contactId, failsWith: 'R-ERR-3' };
    });
    return { invoices, gaveUp };
  };
  const done = run();
  return {
    done,
    async stop() {
      controller.abort();
      await done;
    },
  };
}
