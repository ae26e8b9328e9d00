import type { LinkStatus, Prisma, SyncObject } from '@ledgersync/db';
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
import { ALL_OBJECTS } from '../../settings/stored-settings.ts';
import { explainError, toActivityEntry } from './card-routes.ts';

const tags = ['overview'];
const NULLABLE_SORTS = new Set(['lastSyncedAt', 'displayNumber', 'amount']);
const security = [{ hubspotSignature: [] }];

/** Sync overview: counts (R-VIS-2), the record view (R-VIS-3) and a record's activity. */
export function overviewRoutes(app: TypedApp, ctx: RouteContext): void {
  app.get(
    '/overview',
    { schema: { tags, security, response: { 200: overviewResponseSchema, ...standardErrors } } },
    async (request) => {
      const portalId = portalOf(request).id;
      const [byStatus, byCode] = await Promise.all([
        ctx.db.recordLink.groupBy({ by: ['object', 'status'], where: { portalId }, _count: { _all: true } }),
        ctx.db.recordLink.groupBy({
          by: ['errorCode'],
          where: { portalId, status: 'failed', errorCode: { not: null } },
          _count: { _all: true },
        }),
      ]);
      const count = (object: SyncObject, status: LinkStatus) =>
        byStatus.find((r) => r.object === object && r.status === status)?._count._all ?? 0;
      return {
        objects: ALL_OBJECTS.map((object) => ({
          object,
          synced: count(object, 'synced'),
          pending: count(object, 'pending'),
          failing: count(object, 'failed'),
          excluded: count(object, 'excluded'),
        })),
        errors: byCode
          .map((r) => {
            const info = explainError(r.errorCode, null)!;
            return { code: info.code, title: info.title, category: info.category, count: r._count._all };
          })
          .sort((a, b) => b.count - a.count),
      };
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
      const portalId = portalOf(request).id;
      const q = request.query;
      const where: Prisma.RecordLinkWhereInput = {
        portalId,
        ...(q.object ? { object: q.object } : {}),
        ...(q.status ? { status: q.status } : {}),
        ...(q.errorCode ? { errorCode: q.errorCode } : {}),
        // A record's direction is the side it was created on: HubSpot-born records flow to QBO.
        ...(q.direction
          ? { origin: q.direction === 'hubspot_to_quickbooks' ? 'hubspot' : 'quickbooks' }
          : {}),
        ...(q.from || q.to
          ? {
              updatedAt: {
                ...(q.from ? { gte: new Date(q.from) } : {}),
                ...(q.to ? { lte: new Date(q.to) } : {}),
              },
            }
          : {}),
      };
      const [total, links] = await Promise.all([
        ctx.db.recordLink.count({ where }),
        ctx.db.recordLink.findMany({
          where,
          orderBy: [
            NULLABLE_SORTS.has(q.sort)
              ? { [q.sort]: { sort: q.order, nulls: 'last' } }
              : { [q.sort]: q.order },
            { id: 'asc' },
          ],
          skip: (q.page - 1) * q.pageSize,
          take: q.pageSize,
        }),
      ]);
      const rows = links.map((l) => {
        const all: Record<string, string | null> = {
          object: l.object,
          status: l.status,
          hubspotId: l.hubspotId,
          quickbooksId: l.quickbooksId,
          displayNumber: l.displayNumber,
          amount: l.amount?.toString() ?? null,
          currency: l.currency,
          errorCode: l.errorCode,
          exclusionReason: l.exclusionReason,
          direction: l.origin === 'hubspot' ? 'hubspot_to_quickbooks' : 'quickbooks_to_hubspot',
          lastSyncedAt: l.lastSyncedAt?.toISOString() ?? null,
          updatedAt: l.updatedAt.toISOString(),
        };
        return { id: l.id, ...Object.fromEntries(q.columns.map((c) => [c, all[c] ?? null])) };
      });
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
      const portalId = portalOf(request).id;
      const link = await ctx.db.recordLink.findFirst({ where: { id: request.params.recordId, portalId } });
      if (!link) throw notFound('The record');
      const activity = await ctx.db.syncActivity.findMany({
        where: { portalId, linkId: link.id },
        orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
        take: 100,
      });
      return { activity: activity.map(toActivityEntry) };
    },
  );
}
