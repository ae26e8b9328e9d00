import { createQuickBooksClient, type QuickBooksClientOptions } from './api/qbo-client.ts';
import { type CompanyProfileCache, companyContext } from './ports/company-context.ts';
import { createCustomLineItemPort } from './ports/custom-line-item.ts';
import { createQuickBooksCompanyPort } from './ports/quickbooks-company-port.ts';
import { createQuickBooksRecordCounter } from './ports/quickbooks-record-counter.ts';
import { createQuickBooksSideReader, type QuickBooksReaderOptions } from './ports/quickbooks-side-reader.ts';
import { createQuickBooksSideWriter, type QuickBooksWriterOptions } from './ports/quickbooks-side-writer.ts';

export type QuickBooksAdapterOptions = QuickBooksClientOptions &
  QuickBooksWriterOptions &
  QuickBooksReaderOptions & {
    /** The realm's profile kept between drains (see ttlCompanyProfileCache). */
    readonly companyProfileCache?: CompanyProfileCache;
  };

/** Everything the engine needs from one connected QBO company, over one client. */
export function createQuickBooksAdapter(options: QuickBooksAdapterOptions) {
  const client = createQuickBooksClient(options);
  // One Preferences/CompanyInfo read serves all three ports.
  const profile = companyContext(client, options.companyProfileCache);
  // One "Custom Line Item" lookup serves the planner and the writer.
  const customLineItems = createCustomLineItemPort(client);
  const writerOptions: QuickBooksWriterOptions =
    options.customLineItemIncomeAccountId === undefined
      ? { profile, customLineItems }
      : { profile, customLineItems, customLineItemIncomeAccountId: options.customLineItemIncomeAccountId };
  return {
    client,
    reader: createQuickBooksSideReader(client, options.now ? { now: options.now, profile } : { profile }),
    writer: createQuickBooksSideWriter(client, writerOptions),
    customLineItems,
    company: createQuickBooksCompanyPort(client, profile),
    counter: createQuickBooksRecordCounter(client),
  };
}

export type QuickBooksAdapter = ReturnType<typeof createQuickBooksAdapter>;
