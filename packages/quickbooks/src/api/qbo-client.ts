import { createQboTransport, type TransportOptions } from '../http/qbo-transport.ts';
import { batchOperations } from './batch-operations.ts';
import { cdcOperations } from './cdc-operations.ts';
import { entityOperations } from './entity-operations.ts';
import { queryOperations } from './query-operations.ts';
import { updateWithStaleRetry } from './update-with-stale-retry.ts';

export type QuickBooksClientOptions = TransportOptions;

/** The QBO REST v3 client of one realm. Reads no environment; everything comes in options. */
export function createQuickBooksClient(options: QuickBooksClientOptions) {
  const send = createQboTransport(options);
  const entities = entityOperations(send);
  const client = {
    realmId: options.realmId,
    ...entities,
    ...queryOperations(send),
    ...batchOperations(send),
    ...cdcOperations(send),
    companyInfo: () => entities.companyInfo(options.realmId),
  };
  return { ...client, updateWithStaleRetry: updateWithStaleRetry(entities) };
}

export type QuickBooksClient = ReturnType<typeof createQuickBooksClient>;
