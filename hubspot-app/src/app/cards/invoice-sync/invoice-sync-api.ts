import type { BackendClient } from '@ledgersync/hubspot-ui-shared/api/backend-client.ts';
import {
  invoiceCardSchema,
  resyncResponseSchema,
} from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';

const path = (invoiceId: string) => `/api/v1/invoices/${encodeURIComponent(invoiceId)}`;

export const getInvoiceCard = (client: BackendClient, invoiceId: string) =>
  client.request('GET', `${path(invoiceId)}/card`, invoiceCardSchema);

export const resyncInvoice = (client: BackendClient, invoiceId: string) =>
  client.request('POST', `${path(invoiceId)}/resync`, resyncResponseSchema);
