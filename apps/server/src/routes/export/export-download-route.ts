import { createPortalRepository } from '@ledgersync/db';
import { z } from 'zod';
import { exportDownloadParamsSchema, exportDownloadQuerySchema } from '../../api-contract/backfill.ts';
import { errorResponseSchema } from '../../api-contract/common.ts';
import type { RouteContext } from '../../deps.ts';
import { verifyExportLink } from '../../export/export-link-token.ts';
import { CSV_DOWNLOAD_NAME, exportHistoricalInvoices } from '../../export/historical-invoices-export.ts';
import { forbidden, unauthorized } from '../../http/http-error.ts';
import type { TypedApp } from '../../http/typed-app.ts';

const REFUSALS = {
  invalid: [
    'export_link_invalid',
    'This download link is not valid. Create a new one from the settings page.',
  ],
  expired: [
    'export_link_expired',
    'This download link has expired. Create a new one from the settings page.',
  ],
  wrong_portal: ['export_link_wrong_portal', 'This download link belongs to another HubSpot account.'],
} as const;

/**
 * R-FLT-4: the historical export as a plain browser download. The settings page cannot download
 * through `hubspot.fetch`, so a signed API call hands it this URL; the token inside names the
 * portal and expires in minutes, and is the only credential here (no HubSpot headers).
 */
export function exportDownloadRoute(app: TypedApp, ctx: RouteContext): void {
  app.get(
    '/exports/:hubId/historical-invoices.csv',
    {
      schema: {
        tags: ['backfill'],
        description:
          'Downloads the historical export through a link from `POST /api/v1/exports/historical-invoices/link`',
        params: exportDownloadParamsSchema,
        querystring: exportDownloadQuerySchema,
        produces: ['text/csv'],
        response: {
          200: z.string().describe('CSV in the QuickBooks invoice import layout'),
          400: errorResponseSchema,
          401: errorResponseSchema,
          403: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const { hubId } = request.params;
      const check = verifyExportLink(
        ctx.config.stateSigningSecret,
        request.query.token,
        hubId,
        ctx.now().getTime(),
      );
      if (!check.ok) {
        const [code, message] = REFUSALS[check.reason];
        throw check.reason === 'wrong_portal' ? forbidden(code, message) : unauthorized(code, message);
      }
      const portal = await createPortalRepository(ctx.db).findById(check.claims.portalId);
      if (!portal || portal.uninstalledAt || portal.hubId.toString() !== hubId) {
        throw forbidden('portal_not_installed', 'LedgerSync is not installed in this HubSpot account');
      }
      const before = check.claims.before ? new Date(check.claims.before) : null;
      const csv = await exportHistoricalInvoices(ctx, portal, before);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${CSV_DOWNLOAD_NAME}"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );
}
