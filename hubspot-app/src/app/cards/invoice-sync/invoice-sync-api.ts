import type { BackendClient } from '../../shared/api/backend-client.ts';
import { acceptedSchema, invoiceSyncViewSchema } from '../../shared/api/contract.ts';

const path = (invoiceId: string) => `/api/hubspot/invoices/${encodeURIComponent(invoiceId)}`;

export const getInvoiceSync = (client: BackendClient, invoiceId: string) =>
  client.request('GET', `${path(invoiceId)}/sync`, invoiceSyncViewSchema);

export const resyncInvoice = (client: BackendClient, invoiceId: string) =>
  client.request('POST', `${path(invoiceId)}/resync`, acceptedSchema);
