import {
  type Backfill,
  findUnfinishedBackfill,
  listBackfills,
  readBackfill,
  readObjectSettings,
} from '@ledgersync/db';
import { z } from 'zod';
import {
  backfillInputSchema,
  backfillListSchema,
  backfillParamsSchema,
  backfillSchema,
  exportLinkSchema,
  exportQuerySchema,
} from '../../api-contract/backfill.ts';
import { standardErrors } from '../../api-contract/common.ts';
import type { RouteContext } from '../../deps.ts';
import { EXPORT_LINK_LIFETIME_MS, signExportLink } from '../../export/export-link-token.ts';
import { CSV_DOWNLOAD_NAME, exportHistoricalInvoices } from '../../export/historical-invoices-export.ts';
import { conflict, notFound } from '../../http/http-error.ts';
import { portalOf } from '../../http/hubspot-request-auth.ts';
import type { TypedApp } from '../../http/typed-app.ts';

const tags = ['backfill'];
const security = [{ hubspotSignature: [] }];

function view(b: Backfill): z.infer<typeof backfillSchema> {
  return {
    id: b.id,
    status: b.status,
    from: b.from.toISOString(),
    to: b.to.toISOString(),
    total: b.total,
    done: b.done,
    failed: b.failed,
    percent: b.total > 0 ? Math.min(100, Math.round(((b.done + b.failed) / b.total) * 1000) / 10) : 0,
    startedAt: b.startedAt?.toISOString() ?? null,
    finishedAt: b.finishedAt?.toISOString() ?? null,
  };
}

/** Historical invoices (R-FLT-4): the admin-started backfill with progress, the CSV export and its download link. */
export function backfillRoutes(app: TypedApp, ctx: RouteContext): void {
  app.post(
    '/backfills',
    {
      schema: {
        tags,
        security,
        body: backfillInputSchema,
        response: { 202: backfillSchema, ...standardErrors },
      },
    },
    async (request, reply) => {
      const portalId = portalOf(request).id;
      const invoices = await readObjectSettings(ctx.db, portalId, 'invoice');
      if (!invoices?.enabled || invoices.direction === 'quickbooks_to_hubspot') {
        throw conflict('sync_off', 'Turn on invoice sync to QuickBooks before starting a backfill.');
      }
      if (await findUnfinishedBackfill(ctx.db, portalId))
        throw conflict('backfill_running', 'A backfill is already running; wait for it to finish.');
      const backfill = await ctx.syncControl.startBackfill(
        portalId,
        'invoice',
        new Date(request.body.from),
        new Date(request.body.to),
      );
      return reply.code(202).send(view(backfill));
    },
  );

  app.get(
    '/backfills',
    { schema: { tags, security, response: { 200: backfillListSchema, ...standardErrors } } },
    async (request) => {
      const rows = await listBackfills(ctx.db, portalOf(request).id);
      return { backfills: rows.map(view) };
    },
  );

  app.get(
    '/backfills/:backfillId',
    {
      schema: {
        tags,
        security,
        params: backfillParamsSchema,
        response: { 200: backfillSchema, ...standardErrors },
      },
    },
    async (request) => {
      const row = await readBackfill(ctx.db, portalOf(request).id, request.params.backfillId);
      if (!row) throw notFound('The backfill');
      return view(row);
    },
  );

  app.get(
    '/exports/historical-invoices.csv',
    {
      schema: {
        tags,
        security,
        querystring: exportQuerySchema,
        produces: ['text/csv'],
        response: {
          200: z.string().describe('CSV in the QuickBooks invoice import layout'),
          ...standardErrors,
        },
      },
    },
    async (request, reply) => {
      const before = request.query.before ? new Date(request.query.before) : null;
      const csv = await exportHistoricalInvoices(ctx, portalOf(request), before);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${CSV_DOWNLOAD_NAME}"`)
        .send(csv);
    },
  );

  app.post(
    '/exports/historical-invoices/link',
    {
      schema: {
        tags,
        security,
        querystring: exportQuerySchema,
        response: { 200: exportLinkSchema, ...standardErrors },
      },
    },
    async (request) => {
      const portal = portalOf(request);
      const expiresAtMs = ctx.now().getTime() + EXPORT_LINK_LIFETIME_MS;
      const token = signExportLink(ctx.config.stateSigningSecret, {
        portalId: portal.id,
        hubId: portal.hubId.toString(),
        before: request.query.before ?? null,
        expiresAtMs,
      });
      return {
        url: `${ctx.config.publicUrl}/exports/${portal.hubId}/historical-invoices.csv?token=${token}`,
        expiresAt: new Date(expiresAtMs).toISOString(),
      };
    },
  );
}
