import { createQuickBooksClient, type QuickBooksClientOptions } from './api/qbo-client.ts';
import { createCustomLineItemPort } from './ports/custom-line-item.ts';
import { createQuickBooksCompanyPort } from './ports/quickbooks-company-port.ts';
import { createQuickBooksSideReader, type QuickBooksReaderOptions } from './ports/quickbooks-side-reader.ts';
import { createQuickBooksSideWriter, type QuickBooksWriterOptions } from './ports/quickbooks-side-writer.ts';

export type QuickBooksAdapterOptions = QuickBooksClientOptions &
  QuickBooksWriterOptions &
  QuickBooksReaderOptions;

/** Everything the engine needs from one connected QBO company, over one client. */
export function createQuickBooksAdapter(options: QuickBooksAdapterOptions) {
  const client = createQuickBooksClient(options);
  const writerOptions: QuickBooksWriterOptions =
    options.customLineItemIncomeAccountId === undefined
      ? {}
      : { customLineItemIncomeAccountId: options.customLineItemIncomeAccountId };
  return {
    client,
    reader: createQuickBooksSideReader(client, options.now ? { now: options.now } : {}),
    writer: createQuickBooksSideWriter(client, writerOptions),
    customLineItems: createCustomLineItemPort(client),
    company: createQuickBooksCompanyPort(client),
  };
}

export type QuickBooksAdapter = ReturnType<typeof createQuickBooksAdapter>;
