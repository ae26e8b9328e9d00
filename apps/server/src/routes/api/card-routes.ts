import type { SyncActivity } from '@ledgersync/db';
import { describeSyncError, EXCLUSION_REASONS, SYNC_ERROR_CODES } from '@ledgersync/sync-engine';
import { invoiceCardSchema, invoiceParamsSchema, resyncResponseSchema } from '../../api-contract/card.ts';
import { type ActivityEntry, standardErrors } from '../../api-contract/common.ts';
import type { RouteContext } from '../../deps.ts';
import { conflict } from '../../http/http-error.ts';
import { portalOf } from '../../http/hubspot-request-auth.ts';
import type { TypedApp } from '../../http/typed-app.ts';
import { invoicePaymentState } from './invoice-payment-state.ts';

const tags = ['card'];
const security = [{ hubspotSignature: [] }];

export function toActivityEntry(a: SyncActivity): ActivityEntry {
  return {
    id: String(a.id),
    occurredAt: a.occurredAt.toISOString(),
    action: a.action,
    direction: a.direction,
    changedFields: a.changedFields,
    errorCode: a.errorCode,
    message: a.message,
  };
}

export function explainError(code: string | null, message: string | null) {
  if (!code) return null;
  if ((SYNC_ERROR_CODES as readonly string[]).includes(code)) {
    const info = describeSyncError(code as (typeof SYNC_ERROR_CODES)[number]);
    return {
      code,
      category: info.category,
      title: info.title,
      explanation: info.explanation,
      fix: info.fix,
      message,
    };
  }
  return {
    code,
    category: 'unknown',
    title: code,
    explanation: message ?? code,
    fix: 'Try Resync; contact support if it keeps failing.',
    message,
  };
}

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
      const portal = portalOf(request);
      const { invoiceId } = request.params;
      const link = await ctx.db.recordLink.findUnique({
        where: {
          portalId_object_hubspotId: { portalId: portal.id, object: 'invoices', hubspotId: invoiceId },
        },
      });
      const activity = link
        ? await ctx.db.syncActivity.findMany({
            where: { portalId: portal.id, linkId: link.id },
            orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
            take: 50,
          })
        : [];
      const connection = await ctx.db.quickBooksConnection.findUnique({
        where: { portalId: portal.id },
        select: { status: true },
      });
      const installation = await ctx.db.hubSpotInstallation.findUnique({
        where: { portalId: portal.id },
        select: { status: true },
      });
      const reason = link?.exclusionReason ?? null;
      return {
        invoiceId,
        status: link?.status ?? ('not_synced' as const),
        quickbooks: link?.quickbooksId
          ? {
              id: link.quickbooksId,
              number: link.displayNumber,
              url: `${ctx.config.quickbooks.appBaseUrl}/app/invoice?txnId=${encodeURIComponent(link.quickbooksId)}`,
            }
          : null,
        lastSyncedAt: link?.lastSyncedAt?.toISOString() ?? null,
        payment: link ? invoicePaymentState(link.mergeBase) : null,
        error: link?.status === 'failed' ? explainError(link.errorCode, link.errorMessage) : null,
        exclusion: reason
          ? { reason, explanation: EXCLUSION_REASONS[reason as keyof typeof EXCLUSION_REASONS] ?? reason }
          : null,
        deletedOn: link?.deletedOn ?? null,
        activity: activity.map(toActivityEntry),
        connection: connection?.status ?? ('not_connected' as const),
        hubspotConnection: installation?.status ?? ('active' as const),
      };
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
      const settings = await ctx.db.syncSettings.findUnique({
        where: { portalId_object: { portalId: portal.id, object: 'invoices' } },
      });
      if (!settings?.enabled) {
        throw conflict(
          'sync_off',
          'Invoice sync is turned off; turn it on in the settings to resync invoices.',
        );
      }
      await ctx.syncControl.requestResync(portal.id, 'invoices', request.params.invoiceId);
      return reply.code(202).send({ queued: true as const });
    },
  );
}
