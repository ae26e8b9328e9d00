import type { HubSpotClient } from '../http/create-hubspot-client.ts';
import { readInvoiceSourceOptions } from '../install/read-invoice-source-options.ts';
import { allKnown, type InvoiceSourceOption } from '../mapping/invoice-source.ts';

/** Where a portal's `hs_invoice_source` options are kept between drains (the portal's row). */
export interface InvoiceSourceStore {
  load(): Promise<readonly InvoiceSourceOption[]>;
  save(options: readonly InvoiceSourceOption[]): Promise<void>;
}

/** The options to classify invoice sources with (R-FLT-1). */
export interface InvoiceSourceCatalogue {
  /** The stored options, read again from HubSpot (and stored) when one of `values` is not among them. */
  optionsFor(values: readonly (string | null)[]): Promise<readonly InvoiceSourceOption[]>;
}

/**
 * Reads the definition from HubSpot at most once per catalogue (one per adapter, so per drain): a
 * value HubSpot itself lacks stays unknown without a call for every invoice that holds it.
 */
export function createInvoiceSourceCatalogue(
  client: HubSpotClient,
  store: InvoiceSourceStore | null = null,
): InvoiceSourceCatalogue {
  let options: Promise<readonly InvoiceSourceOption[]> | null = null;
  let reread = false;
  return {
    async optionsFor(values) {
      options ??= store ? store.load() : Promise.resolve([]);
      const current = await options;
      if (reread || allKnown(values, current)) return current;
      reread = true;
      const fresh = readInvoiceSourceOptions(client).then(async (read) => {
        await store?.save(read);
        return read;
      });
      // A failed read fails this read (its notices retry) and lets the next one try again.
      options = fresh.catch(() => {
        reread = false;
        return current;
      });
      return fresh;
    },
  };
}
