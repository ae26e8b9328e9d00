import { z } from 'zod';
import type { HubSpotClient } from '../http/create-hubspot-client.ts';
import { type InvoiceSourceOption, invoiceSourceOptionSchema } from '../mapping/invoice-source.ts';

const definitionSchema = z
  .object({ options: z.array(invoiceSourceOptionSchema.loose()).default([]) })
  .loose();

/**
 * The options of HubSpot's `hs_invoice_source` definition (properties API), as the portal has
 * them now: read at install, by the worker's catch-up and whenever an invoice holds a value they
 * lack, so the outbound source filter (R-FLT-1) rests on what HubSpot says, not on a guess.
 */
export async function readInvoiceSourceOptions(client: HubSpotClient): Promise<InvoiceSourceOption[]> {
  const raw = await client.call('standard', (sdk) =>
    sdk.crm.properties.coreApi.getByNameWithHttpInfo('invoices', 'hs_invoice_source'),
  );
  return definitionSchema.parse(raw).options.map((o) => ({ value: o.value, label: o.label }));
}
