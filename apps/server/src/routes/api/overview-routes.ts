import {
  countFailuresByCode,
  countRecordsByStatus,
  countUnknownInvoiceSources,
  listRecordActivity,
  listRecords,
} from '@ledgersync/db';
import { standardErrors } from '../../api-contract/common.ts';
import {
  activityResponseSchema,
  overviewResponseSchema,
  recordPageSchema,
  recordParamsSchema,
  recordQuerySchema,
} from '../../api-contract/overview.ts';
import type { RouteContext } from '../../deps.ts';
import { notFound } from '../../http/http-error.ts';
import { portalOf } from '../../http/hubspot-request-auth.ts';
import type { TypedApp } from '../../http/typed-app.ts';
import { toActivityEntry } from '../../views/activity-entry.ts';
import { overviewView, recordRow } from '../../views/overview-view.ts';

const tags = ['overview'];
const security = [{ hubspotSignature: [] }];

/** Sync overview: counts (R-VIS-2), the record view (R-VIS-3) and a record's activity. */
export function overviewRoutes(app: TypedApp, ctx: RouteContext): void {
  app.get(
    '/overview',
    { schema: { tags, security, response: { 200: overviewResponseSchema, ...standardErrors } } },
    async (request) => {
      const portalId = portalOf(request).id;
      const [byStatus, failures, unknownSources] = await Promise.all([
        countRecordsByStatus(ctx.db, portalId),
        countFailuresByCode(ctx.db, portalId),
        countUnknownInvoiceSources(ctx.db, portalId),
      ]);
      return overviewView(byStatus, failures, unknownSources);
    },
  );

  app.get(
    '/records',
    {
      schema: {
        tags,
        security,
        querystring: recordQuerySchema,
        response: { 200: recordPageSchema, ...standardErrors },
      },
    },
    async (request) => {
      const q = request.query;
      const { total, records } = await listRecords(
        ctx.db,
        portalOf(request).id,
        {
          ...(q.object ? { object: q.object } : {}),
          ...(q.status ? { status: q.status } : {}),
          ...(q.errorCode ? { errorCode: q.errorCode } : {}),
          // A record's direction is the side it was created on: HubSpot-born records flow to QBO.
          ...(q.direction
            ? { origin: q.direction === 'hubspot_to_quickbooks' ? 'hubspot' : 'quickbooks' }
            : {}),
          ...(q.from ? { updatedFrom: new Date(q.from) } : {}),
          ...(q.to ? { updatedTo: new Date(q.to) } : {}),
        },
        {
          sort: q.sort === 'name' ? 'displayName' : q.sort,
          order: q.order,
          page: q.page,
          pageSize: q.pageSize,
        },
      );
      const pages = {
        hubId: portalOf(request).hubId,
        hubspotRecordUrl: ctx.config.hubspot.recordUrl,
        quickbooksAppUrl: ctx.config.quickbooks.appBaseUrl,
      };
      const rows = records.map((link) => recordRow(link, q.columns, pages));
      return { total, page: q.page, pageSize: q.pageSize, columns: q.columns, rows };
    },
  );

  app.get(
    '/records/:recordId/activity',
    {
      schema: {
        tags,
        security,
        params: recordParamsSchema,
        response: { 200: activityResponseSchema, ...standardErrors },
      },
    },
    async (request) => {
      const activity = await listRecordActivity(ctx.db, portalOf(request).id, request.params.recordId);
      if (!activity) throw notFound('The record');
      return { activity: activity.map(toActivityEntry) };
    },
  );
}
