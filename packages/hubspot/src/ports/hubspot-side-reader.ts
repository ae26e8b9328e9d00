import {
  type ChangedPage,
  type NaturalKey,
  type ReadResult,
  type SideReader,
  type SideRecord,
  type SyncObject,
  syncError,
} from '@ledgersync/sync-engine';
import { readAssociations } from '../crm/associations.ts';
import { batchReadObjects } from '../crm/batch-objects.ts';
import { chunk, OBJECT_TYPE_FOR } from '../crm/object-types.ts';
import { searchPage } from '../crm/search-objects.ts';
import type { HubSpotClient } from '../http/create-hubspot-client.ts';
import { HubSpotCallError, toSyncError } from '../http/hubspot-failure.ts';
import type { CustomInvoiceProperty } from '../mapping/invoice-custom-properties.ts';
import { InvalidPropertyValue } from '../mapping/property-values.ts';
import { createInvoiceSourceCatalogue, type InvoiceSourceCatalogue } from './invoice-source-catalogue.ts';
import { decodePageToken, encodePageToken } from './page-token.ts';
import { PROPERTIES_FOR, propertiesToRead, readRecordsByIds, toSideRecords } from './read-records.ts';

export interface HubSpotSideReaderOptions {
  readonly client: HubSpotClient;
  /** Injected clock (ms): the next cursor is taken from it, not from the machine. */
  readonly now: () => number;
  /** Search indexes writes a moment late; the next cursor starts this far back (default 60 s). */
  readonly indexLagMs?: number;
  readonly pageSize?: number;
  /** The invoice properties custom mappings read (R-MAP-4); see customInvoiceProperties(). */
  readonly customInvoiceProperties?: readonly CustomInvoiceProperty[];
  /** The portal's `hs_invoice_source` options (R-FLT-1); by default read from HubSpot when needed. */
  readonly invoiceSources?: InvoiceSourceCatalogue;
}

/** Contacts name their modified date differently from every other object. */
const MODIFIED = (object: SyncObject) => (object === 'customer' ? 'lastmodifieddate' : 'hs_lastmodifieddate');

export function createHubSpotSideReader(options: HubSpotSideReaderOptions): SideReader {
  const { client } = options;
  const custom = options.customInvoiceProperties ?? [];
  const sources = options.invoiceSources ?? createInvoiceSourceCatalogue(client);

  async function guard<T>(work: () => Promise<T>): Promise<ReadResult<T>> {
    try {
      return { ok: true, value: await work() };
    } catch (error) {
      if (error instanceof HubSpotCallError) return { ok: false, error: toSyncError(error.failure) };
      // A natural-key candidate we cannot read: the lookup fails (a skipped one could be missed
      // and its record created twice), and the batch waits; the message names the value.
      if (error instanceof InvalidPropertyValue)
        return { ok: false, error: syncError('invalid_field_value', error.message) };
      throw error;
    }
  }

  return {
    side: 'hubspot',
    readByIds: (object, ids) =>
      guard(() => readRecordsByIds(client, object, ids, custom, new Map(), sources)),

    readChangedSince: <O extends SyncObject>(object: O, since: string, pageToken?: string) =>
      guard(async (): Promise<ChangedPage<O>> => {
        const token = pageToken ? decodePageToken(pageToken) : null;
        const from = token?.since ?? since;
        const cursor =
          token?.cursor ?? new Date(options.now() - (options.indexLagMs ?? 60_000)).toISOString();
        const filters = [
          { propertyName: MODIFIED(object), operator: 'GT' as const, value: String(Date.parse(from)) },
        ];
        const page = await searchPage(
          client,
          OBJECT_TYPE_FOR[object],
          filters,
          propertiesToRead(object, custom),
          token?.afterId ?? null,
          options.pageSize,
        );
        // A record we cannot take is left out of the page (the poll goes on); a webhook or a user's
        // retry brings it to a drain, which fails it alone with invalid_field_value.
        const records = await toSideRecords(client, object, page.results, custom, new Map(), [], sources);
        const nextPageToken =
          page.lastId === null ? null : encodePageToken({ since: from, afterId: page.lastId, cursor });
        // The cursor never moves backwards past `since`.
        return { records, nextPageToken, cursor: laterOf(cursor, from) };
      }),

    findByNaturalKeys: (keys: readonly NaturalKey[]) =>
      guard(async () => {
        const out: SideRecord[] = [];
        const emails = keys.filter((k) => k.field === 'email').map((k) => k.value.trim().toLowerCase());
        if (emails.length > 0) {
          const { found } = await batchReadObjects(
            client,
            'contacts',
            emails,
            PROPERTIES_FOR.customer,
            'email',
          );
          out.push(...(await toSideRecords(client, 'customer', found)));
        }
        const skus = keys.filter((k) => k.field === 'sku').map((k) => k.value);
        for (const part of chunk([...new Set(skus)], 50)) {
          let afterId: string | null = null;
          do {
            const page: Awaited<ReturnType<typeof searchPage>> = await searchPage(
              client,
              'products',
              [{ propertyName: 'hs_sku', operator: 'IN', values: part }],
              PROPERTIES_FOR.product,
              afterId,
            );
            // IN matching may be looser than ours (case); keep exact SKU hits only.
            const exact = page.results.filter((p) => part.includes(p.properties.hs_sku ?? ''));
            out.push(...(await toSideRecords(client, 'product', exact)));
            afterId = page.lastId;
          } while (afterId !== null);
        }
        // R-EDT-1: the payments of HubSpot invoices a new QBO payment pays, in case it gives one back.
        const invoices = keys.filter((k) => k.field === 'invoice').map((k) => k.value);
        if (invoices.length > 0) {
          const paid = await readAssociations(client, 'invoices', 'commerce_payments', invoices);
          const ids = [...new Set([...paid.values()].flat())];
          if (ids.length > 0) out.push(...(await readRecordsByIds(client, 'payment', ids, custom)).records);
        }
        // HubSpot contacts have no display name: such keys never match here.
        return out;
      }),
  };
}

function laterOf(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
