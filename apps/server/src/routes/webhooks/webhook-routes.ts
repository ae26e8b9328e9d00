import { type NewChangeNotice, toDbObject } from '@ledgersync/db';
import { createChangeIntake } from '@ledgersync/jobs';
import { parseIntuitWebhook, verifyIntuitSignature } from '@ledgersync/quickbooks';
import { z } from 'zod';
import { errorResponseSchema } from '../../api-contract/common.ts';
import type { RouteContext } from '../../deps.ts';
import { badRequest, unauthorized } from '../../http/http-error.ts';
import { receivedUrl } from '../../http/hubspot-request-auth.ts';
import type { TypedApp } from '../../http/typed-app.ts';
import { verifyHubSpotSignatureV3 } from '../../security/verify-hubspot-signature.ts';
import { hubspotBatchSchema, hubspotEventKey, objectOfHubSpotEvent } from './parse-hubspot-events.ts';

const ack = z.object({ received: z.number().int(), stored: z.number().int(), ignored: z.number().int() });
const responses = { 200: ack, 400: errorResponseSchema, 401: errorResponseSchema, 413: errorResponseSchema };
const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * Webhook intake: verify the raw bytes first, then parse, then store notices idempotently (the
 * intake schedules the portal's drain in the same transaction) and answer at once. Events for an
 * account we do not know are acknowledged and logged: a retry would never succeed.
 */
export function webhookRoutes(app: TypedApp, ctx: RouteContext): void {
  const intake = createChangeIntake(ctx.db, { debounceMs: ctx.config.webhookDebounceMs });
  const { webhookEvents, webhookRejected } = ctx.metrics;
  // HubSpot and Intuit deliver for every customer from a handful of addresses: a wider budget.
  const config = { rateLimit: { max: ctx.config.rateLimitPerMinute * 20, timeWindow: 60_000 } };

  app.post('/webhooks/hubspot', { schema: { tags: ['webhooks'], response: responses } }, async (request) => {
    const check = verifyHubSpotSignatureV3(
      {
        method: request.method,
        url: receivedUrl(ctx, request),
        rawBody: request.rawBody ?? '',
        signature: header(request.headers['x-hubspot-signature-v3']),
        timestamp: header(request.headers['x-hubspot-request-timestamp']),
      },
      ctx.config.hubspot.clientSecret,
      ctx.now().getTime(),
    );
    if (!check.ok) {
      webhookRejected.inc({ side: 'hubspot', reason: check.reason });
      throw unauthorized('invalid_signature', 'The webhook signature is missing, expired or wrong');
    }
    const parsed = hubspotBatchSchema.safeParse(request.body);
    if (!parsed.success) {
      webhookRejected.inc({ side: 'hubspot', reason: 'malformed' });
      throw badRequest(
        'malformed_webhook',
        parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      );
    }
    const events = parsed.data;
    const hubIds = [...new Set(events.map((e) => BigInt(e.portalId)))];
    const portals = await ctx.db.portal.findMany({ where: { hubId: { in: hubIds }, uninstalledAt: null } });
    const portalOf = new Map(portals.map((p) => [p.hubId.toString(), p.id]));
    const notices: NewChangeNotice[] = [];
    let ignored = 0;
    for (const e of events) {
      const portalId = portalOf.get(String(e.portalId));
      const object = objectOfHubSpotEvent(e);
      if (!portalId) {
        ignored++;
        webhookEvents.inc({ side: 'hubspot', outcome: 'unknown_account' });
        request.log.warn({ hubId: e.portalId }, 'HubSpot webhook for a portal that is not installed');
        continue;
      }
      if (!object) {
        ignored++;
        webhookEvents.inc({ side: 'hubspot', outcome: 'ignored' });
        continue;
      }
      notices.push({
        portalId,
        side: 'hubspot',
        object,
        recordId: e.objectId,
        eventId: hubspotEventKey(e),
        occurredAt: new Date(e.occurredAt),
      });
      // A merge is drained through the merged-away ids: their links are the ones to re-point (R-OBJ-7).
      for (const mergedId of e.mergedObjectIds ?? []) {
        if (mergedId === e.objectId) continue;
        notices.push({
          portalId,
          side: 'hubspot',
          object,
          recordId: mergedId,
          eventId: `${hubspotEventKey(e)}:merged:${mergedId}`,
          occurredAt: new Date(e.occurredAt),
        });
      }
    }
    const stored = await intake.record(notices);
    webhookEvents.inc({ side: 'hubspot', outcome: 'stored' }, stored);
    webhookEvents.inc({ side: 'hubspot', outcome: 'duplicate' }, notices.length - stored);
    return { received: events.length, stored, ignored };
  });

  app.post(
    '/webhooks/quickbooks',
    { config, schema: { tags: ['webhooks'], response: responses } },
    async (request) => {
      const ok = verifyIntuitSignature(
        request.rawBody ?? '',
        header(request.headers['intuit-signature']),
        ctx.config.quickbooks.webhookVerifierToken,
      );
      if (!ok) {
        webhookRejected.inc({ side: 'quickbooks', reason: 'mismatch' });
        throw unauthorized('invalid_signature', 'The intuit-signature header is missing or wrong');
      }
      const parsed = parseIntuitWebhook(request.body, ctx.now().toISOString());
      if (!parsed.ok) {
        webhookRejected.inc({ side: 'quickbooks', reason: 'malformed' });
        throw badRequest('malformed_webhook', parsed.reason);
      }
      const realmIds = [...new Set(parsed.notices.map((n) => n.realmId))];
      const connections = await ctx.db.quickBooksConnection.findMany({
        where: { realmId: { in: realmIds }, status: { not: 'disconnected' } },
        select: { realmId: true, portalId: true },
      });
      const portalOfRealm = new Map(connections.map((c) => [c.realmId, c.portalId]));
      const notices: NewChangeNotice[] = [];
      // Changes of entities LedgerSync does not sync (Vendor, Bill, …) are acknowledged, not stored.
      const unsynced = parsed.received - parsed.notices.length;
      if (unsynced > 0) webhookEvents.inc({ side: 'quickbooks', outcome: 'ignored' }, unsynced);
      let ignored = unsynced;
      for (const n of parsed.notices) {
        const portalId = portalOfRealm.get(n.realmId);
        if (!portalId) {
          ignored++;
          webhookEvents.inc({ side: 'quickbooks', outcome: 'unknown_account' });
          request.log.warn({ realmId: n.realmId }, 'QuickBooks webhook for a realm that is not connected');
          continue;
        }
        notices.push({
          portalId,
          side: 'quickbooks',
          object: toDbObject(n.object),
          recordId: n.recordId,
          ...(n.mergedInto ? { mergedIntoId: n.mergedInto } : {}),
          eventId: n.eventId,
          occurredAt: new Date(n.occurredAt),
        });
      }
      const stored = await intake.record(notices);
      webhookEvents.inc({ side: 'quickbooks', outcome: 'stored' }, stored);
      webhookEvents.inc({ side: 'quickbooks', outcome: 'duplicate' }, notices.length - stored);
      return { received: parsed.received, stored, ignored };
    },
  );
}
