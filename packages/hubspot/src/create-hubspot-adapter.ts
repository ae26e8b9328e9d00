import type { CustomMapping, RecordCounter, SideReader, SideWriter } from '@ledgersync/sync-engine';
import {
  createHubSpotClient,
  type HubSpotClient,
  type HubSpotClientOptions,
} from './http/create-hubspot-client.ts';
import type { PortalLimiters } from './http/rate-limiter.ts';
import { customInvoiceProperties } from './mapping/invoice-custom-properties.ts';
import {
  type AssociationTypeStore,
  createAssociationTypeCatalogue,
} from './ports/association-type-catalogue.ts';
import { createHubSpotRecordCounter } from './ports/hubspot-record-counter.ts';
import { createHubSpotSideReader } from './ports/hubspot-side-reader.ts';
import { createHubSpotSideWriter } from './ports/hubspot-side-writer.ts';
import { createInvoiceSourceCatalogue, type InvoiceSourceStore } from './ports/invoice-source-catalogue.ts';

export interface HubSpotAdapterOptions {
  readonly basePath: string;
  /** The portal's hub id. */
  readonly portalId: string;
  /** Asked before every request: the portal's current access token (stored tokens, read fresh). */
  readonly accessToken: HubSpotClientOptions['accessToken'];
  /** HubSpot refused `failedToken`: refresh it (single-flight), then the call is retried once. */
  readonly onUnauthorized?: HubSpotClientOptions['onUnauthorized'];
  /** Shared by every adapter (in this process, or by every process), so each portal has one budget. */
  readonly rateLimiters: PortalLimiters;
  /** Epoch ms. */
  readonly now: () => number;
  /** The invoice custom mappings (R-MAP-4): the reader and writer read and write their properties. */
  readonly customMappings?: readonly CustomMapping[];
  /** Where the portal's `hs_invoice_source` options are kept (R-FLT-1); without it they are read per adapter. */
  readonly invoiceSources?: InvoiceSourceStore;
  /** Where the portal's association type ids are kept; without it they are read from HubSpot per adapter. */
  readonly associationTypes?: AssociationTypeStore;
  /** Records per search page the reader asks for (HubSpot's maximum, 200, by default). */
  readonly searchPageSize?: number;
  readonly sleep?: HubSpotClientOptions['sleep'];
  readonly retry?: HubSpotClientOptions['retry'];
  readonly onFailure?: HubSpotClientOptions['onFailure'];
  readonly onApiCall?: HubSpotClientOptions['onApiCall'];
}

/** The engine's ports for one HubSpot portal, wired over one rate-limited client. */
export function createHubSpotAdapter(options: HubSpotAdapterOptions): {
  client: HubSpotClient;
  reader: SideReader;
  writer: SideWriter;
  counter: RecordCounter;
} {
  const client = createHubSpotClient({
    basePath: options.basePath,
    portalId: options.portalId,
    accessToken: options.accessToken,
    ...(options.onUnauthorized ? { onUnauthorized: options.onUnauthorized } : {}),
    rateLimiter: options.rateLimiters.forPortal(options.portalId),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.onFailure ? { onFailure: options.onFailure } : {}),
    ...(options.onApiCall ? { onApiCall: options.onApiCall } : {}),
  });
  const ports = {
    client,
    now: options.now,
    customInvoiceProperties: customInvoiceProperties(options.customMappings ?? []),
    invoiceSources: createInvoiceSourceCatalogue(client, options.invoiceSources ?? null),
    associationTypes: createAssociationTypeCatalogue(client, options.associationTypes ?? null),
    ...(options.searchPageSize ? { pageSize: options.searchPageSize } : {}),
  };
  return {
    client,
    reader: createHubSpotSideReader(ports),
    writer: createHubSpotSideWriter(ports),
    counter: createHubSpotRecordCounter(client),
  };
}
