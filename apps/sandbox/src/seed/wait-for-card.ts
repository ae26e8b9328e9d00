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
    await pause(1000, watch.signal);
  }
}
