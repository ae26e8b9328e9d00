import { findConnectedRealms, findInstalledPortals, type NewChangeNotice } from '@ledgersync/db';
import { type ParsedWebhookEvent, parseWebhookEvents, verifyHubSpotSignatureV3 } from '@ledgersync/hubspot';
import { createChangeIntake } from '@ledgersync/jobs';
import { parseIntuitWebhook, verifyIntuitSignature } from '@ledgersync/quickbooks';
import type { SyncObject } from '@ledgersync/sync-engine';
import { z } from 'zod';
import { errorResponseSchema } from '../../api-contract/common.ts';
import type { RouteContext } from '../../deps.ts';
import { badRequest, unauthorized } from '../../http/http-error.ts';
import { receivedUrl } from '../../http/hubspot-request-auth.ts';
import type { TypedApp } from '../../http/typed-app.ts';

const ack = z.object({ received: z.number().int(), stored: z.number().int(), ignored: z.number().int() });
const responses = { 200: ack, 400: errorResponseSchema, 401: errorResponseSchema, 413: errorResponseSchema };
const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
type SyncedEvent = ParsedWebhookEvent & { object: SyncObject };

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
    const check = verifyHubSpotSignatureV3({
      method: request.method,
      url: receivedUrl(ctx, request),
      rawBody: request.rawBody ?? '',
      signature: header(request.headers['x-hubspot-signature-v3']),
      timestamp: header(request.headers['x-hubspot-request-timestamp']),
      clientSecret: ctx.config.hubspot.clientSecret,
      now: ctx.now().getTime(),
    });
    if (!check.ok) {
      webhookRejected.inc({ side: 'hubspot', reason: check.reason });
      throw unauthorized('invalid_signature', 'The webhook signature is missing, expired or wrong');
    }
    const parsed = parseWebhookEvents(request.rawBody ?? '', { appId: ctx.config.hubspot.appId });
    if (!parsed.ok) {
      webhookRejected.inc({ side: 'hubspot', reason: 'malformed' });
      throw badRequest('malformed_webhook', parsed.message);
    }
    // Changes of objects LedgerSync does not drain (line items, deals, …) are acknowledged, not stored.
    const drained = parsed.events.filter((e): e is SyncedEvent => e.object !== 'line_item');
    const unsynced = parsed.ignored + parsed.events.length - drained.length;
    if (unsynced > 0) webhookEvents.inc({ side: 'hubspot', outcome: 'ignored' }, unsynced);
    const portalOf = await findInstalledPortals(ctx.db, [...new Set(drained.map((e) => BigInt(e.portalId)))]);
    const notices: NewChangeNotice[] = [];
    const unknownAccounts = new Set<number>();
    for (const e of drained) {
      const portalId = portalOf.get(e.portalId);
      if (portalId) {
        notices.push({
          portalId,
          side: 'hubspot',
          object: e.object,
          recordId: e.recordId,
          eventId: e.dedupeKey,
          occurredAt: new Date(e.occurredAt),
        });
      } else if (!unknownAccounts.has(e.bodyIndex)) {
        unknownAccounts.add(e.bodyIndex);
        webhookEvents.inc({ side: 'hubspot', outcome: 'unknown_account' });
        request.log.warn({ hubId: e.portalId }, 'HubSpot webhook for a portal that is not installed');
      }
    }
    const stored = await intake.record(notices);
    webhookEvents.inc({ side: 'hubspot', outcome: 'stored' }, stored);
    webhookEvents.inc({ side: 'hubspot', outcome: 'duplicate' }, notices.length - stored);
    return { received: parsed.received, stored, ignored: unsynced + unknownAccounts.size };
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
      const portalOfRealm = await findConnectedRealms(ctx.db, realmIds);
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
          object: n.object,
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
