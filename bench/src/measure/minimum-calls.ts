import type { MinimumCalls } from './floor.ts';

// Page and batch sizes of the two APIs (QBO query maxresults 1000, QBO batch 30 items; HubSpot batch
// read/create/upsert 100 inputs, associations v4 batch read 1000 inputs).
const QBO_QUERY_PAGE = 1000;
const QBO_BATCH = 30;
const HS_BATCH = 100;
const HS_ASSOC_BATCH = 1000;
const pages = (n: number, size: number) => Math.ceil(n / size);

export interface InboundShape {
  readonly invoices: number;
  readonly linesPerInvoice: number;
  readonly customers: number;
  readonly items: number;
}

/**
 * QBO → HubSpot, HubSpot empty: read the invoices, their customers and items from QBO (queries by
 * Id); in HubSpot upsert the contacts by email and the products by SKU, create the invoices (with
 * the contact association inline) and the line items (with the invoice association inline), then
 * open the invoices: HubSpot creates an invoice as a draft and documents moving it to open as a
 * step after its contact and line items are associated, so it is one batch update more.
 */
export function inboundMinimum(s: InboundShape): MinimumCalls {
  return {
    quickbooksRequests:
      pages(s.invoices, QBO_QUERY_PAGE) + pages(s.customers, QBO_QUERY_PAGE) + pages(s.items, QBO_QUERY_PAGE),
    quickbooksBatches: 0,
    hubspotRequests:
      pages(s.customers, HS_BATCH) +
      pages(s.items, HS_BATCH) +
      pages(s.invoices, HS_BATCH) +
      pages(s.invoices * s.linesPerInvoice, HS_BATCH) +
      pages(s.invoices, HS_BATCH),
    hubspotSearches: 0,
  };
}

export interface OutboundShape {
  readonly invoices: number;
  readonly linesPerInvoice: number;
  readonly contacts: number;
  readonly products: number;
}

/**
 * HubSpot → QBO, QBO empty: batch-read the invoices, their line-item and contact associations, the
 * line items, contacts and products from HubSpot; in QBO look customers and items up (one query
 * each kind), then create customers, items and invoices in batches of 30.
 */
export function outboundMinimum(s: OutboundShape): MinimumCalls {
  return {
    quickbooksRequests: pages(s.contacts, QBO_QUERY_PAGE) + pages(s.products, QBO_QUERY_PAGE),
    quickbooksBatches:
      pages(s.contacts, QBO_BATCH) + pages(s.products, QBO_BATCH) + pages(s.invoices, QBO_BATCH),
    hubspotRequests:
      pages(s.invoices, HS_BATCH) +
      2 * pages(s.invoices, HS_ASSOC_BATCH) +
      pages(s.invoices * s.linesPerInvoice, HS_BATCH) +
      pages(s.contacts, HS_BATCH) +
      pages(s.products, HS_BATCH),
    hubspotSearches: 0,
  };
}

/**
 * First sync of N existing QBO customers into an empty HubSpot (R-CON-7): count them (one
 * `count(*)`), read them a page of 1000 at a time, and upsert the contacts by email in HubSpot
 * 100 at a time (the upsert is the match: nothing needs looking up first).
 */
export function firstSyncMinimum(customers: number): MinimumCalls {
  return {
    quickbooksRequests: 1 + pages(customers, QBO_QUERY_PAGE),
    quickbooksBatches: 0,
    hubspotRequests: pages(customers, HS_BATCH),
    hubspotSearches: 0,
  };
}
