import { z } from 'zod';
import type { SignedUiFetch } from '../orchestrate/signed-ui-fetch.ts';

const cardSchema = z.object({
  status: z.string(),
  error: z.object({ code: z.string() }).nullable(),
});
export type CardState = z.infer<typeof cardSchema>;

export interface CardWatch {
  serverUrl: string;
  hubId: number;
  uiFetch: SignedUiFetch;
  signal: AbortSignal;
}

// Each read is a request to the server; on the embedded database (one connection shared with the
// worker) a fast poll slows the sync it waits for, so reads are spaced out.
const POLL_MS = 3000;

export const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/** Reads an invoice's card as the HubSpot user would (signed `hubspot.fetch`) until `done` holds. */
export async function waitForCard(
  watch: CardWatch,
  invoiceId: string,
  done: (card: CardState) => boolean,
  timeoutMs: number,
): Promise<CardState | null> {
  const deadline = Date.now() + timeoutMs;
  // Reads at least once, however short the wait.
  for (;;) {
    const response = await watch.uiFetch({
      portalId: watch.hubId,
      userId: 1,
      method: 'GET',
      url: `${watch.serverUrl}/api/v1/invoices/${encodeURIComponent(invoiceId)}/card`,
    });
    if (response.ok) {
      const card = cardSchema.parse(await response.json());
      if (done(card)) return card;
    } else {
      await response.body?.cancel();
    }
    if (Date.now() >= deadline || watch.signal.aborted) return null;
    await pause(POLL_MS, watch.signal);
  }
}

const recordsSchema = z.object({
  rows: z.array(
    z.object({ hubspotRecord: z.object({ id: z.string() }).nullable(), status: z.string().nullable() }),
  ),
});

/** Every invoice's sync status by HubSpot id, in one read of the overview's record list. */
export async function invoiceStatuses(watch: CardWatch): Promise<Map<string, string>> {
  const response = await watch.uiFetch({
    portalId: watch.hubId,
    userId: 1,
    method: 'GET',
    url: `${watch.serverUrl}/api/v1/records?object=invoice&columns=hubspotRecord,status&pageSize=200`,
  });
  if (!response.ok) {
    await response.body?.cancel();
    return new Map();
  }
  const { rows } = recordsSchema.parse(await response.json());
  return new Map(
    rows.flatMap((r) => (r.hubspotRecord && r.status ? [[r.hubspotRecord.id, r.status] as const] : [])),
  );
}

/** Waits (one list read every few seconds) until `done` holds for the statuses; false on timeout. */
export async function waitForStatuses(
  watch: CardWatch,
  done: (statuses: Map<string, string>) => boolean,
  timeoutMs: number,
): Promise<Map<string, string> | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const statuses = await invoiceStatuses(watch);
    if (done(statuses)) return statuses;
    if (Date.now() >= deadline || watch.signal.aborted) return null;
    await pause(POLL_MS, watch.signal);
  }
}
