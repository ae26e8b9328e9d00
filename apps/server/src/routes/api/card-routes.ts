import { readInvoiceCard, readObjectSettings } from '@ledgersync/db';
import { invoiceCardSchema, invoiceParamsSchema, resyncResponseSchema } from '../../api-contract/card.ts';
import { standardErrors } from '../../api-contract/common.ts';
import type { RouteContext } from '../../deps.ts';
import { conflict } from '../../http/http-error.ts';
import { portalOf } from '../../http/hubspot-request-auth.ts';
import type { TypedApp } from '../../http/typed-app.ts';
import { invoiceCardView } from '../../views/invoice-card-view.ts';

const tags = ['card'];
const security = [{ hubspotSignature: [] }];

/** The invoice card (R-VIS-1) and its Resync action. */
export function cardRoutes(app: TypedApp, ctx: RouteContext): void {
  app.get(
    '/invoices/:invoiceId/card',
    {
      schema: {
        tags,
        security,
        params: invoiceParamsSchema,
        response: { 200: invoiceCardSchema, ...standardErrors },
      },
    },
    async (request) => {
      const { invoiceId } = request.params;
      const rows = await readInvoiceCard(ctx.db, portalOf(request).id, invoiceId);
      return invoiceCardView(invoiceId, rows, ctx.config.quickbooks.appBaseUrl);
    },
  );

  app.post(
    '/invoices/:invoiceId/resync',
    {
      schema: {
        tags,
        security,
        params: invoiceParamsSchema,
        response: { 202: resyncResponseSchema, ...standardErrors },
      },
    },
    async (request, reply) => {
      const portal = portalOf(request);
      const settings = await readObjectSettings(ctx.db, portal.id, 'invoice');
      if (!settings?.enabled) {
        throw conflict(
          'sync_off',
          'Invoice sync is turned off; turn it on in the settings to resync invoices.',
        );
      }
      await ctx.syncControl.requestResync(portal.id, 'invoice', request.params.invoiceId);
      return reply.code(202).send({ queued: true as const });
    },
  );
}
