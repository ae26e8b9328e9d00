import type { SyncObject } from '@ledgersync/sync-engine';
import { z } from 'zod';

const idSchema = z.union([z.string(), z.number()]).transform(String);

const eventSchema = z
  .object({
    eventId: idSchema,
    subscriptionId: idSchema,
    portalId: idSchema,
    appId: idSchema.optional(),
    // Bounded to what a Date can hold: a larger number would make toISOString throw mid-batch.
    occurredAt: z.number().min(0).max(8_640_000_000_000_000),
    subscriptionType: z.string(),
    attemptNumber: z.number().optional(),
    objectId: idSchema.optional(),
    objectTypeId: z.string().optional(),
    changeSource: z.string().optional(),
    sourceId: z.string().optional(),
    propertyName: z.string().optional(),
    propertyValue: z.string().optional(),
    primaryObjectId: idSchema.optional(),
    mergedObjectIds: z.array(idSchema).optional(),
  })
  .loose();

export const webhookBodySchema = z.array(eventSchema).max(1000);
export type HubSpotWebhookEvent = z.infer<typeof eventSchema>;

const OBJECT_FOR_TYPE_ID: Readonly<Record<string, SyncObject | 'line_item'>> = {
  '0-1': 'customer',
  '0-7': 'product',
  '0-8': 'line_item',
  '0-53': 'invoice',
  '0-101': 'payment',
};
const OBJECT_FOR_LEGACY_PREFIX: Readonly<Record<string, SyncObject | 'line_item'>> = {
  contact: 'customer',
  product: 'product',
  line_item: 'line_item',
};

export interface ParsedWebhookEvent {
  /** `eventId` alone is not unique; HubSpot's events are unique per subscription. */
  readonly dedupeKey: string;
  readonly eventId: string;
  readonly portalId: string;
  /** A line item change means its invoice changed: the caller looks the invoice up. */
  readonly object: SyncObject | 'line_item';
  readonly recordId: string;
  readonly kind: 'change' | 'delete' | 'merge';
  readonly mergedInto: string | null;
  readonly occurredAt: string;
  readonly propertyName: string | null;
  /** True when our own app's write caused the event (the engine then finds it equal to the base). */
  readonly causedByUs: boolean;
}

export type ParseResult =
  | { readonly ok: true; readonly events: readonly ParsedWebhookEvent[]; readonly ignored: number }
  | { readonly ok: false; readonly message: string };

/**
 * Parses a webhook body (a JSON array of events) into change notices for the objects we sync;
 * other object types are counted as ignored. `appId` identifies our own writes: HubSpot reports
 * the writing app in `sourceId` for changes made through the API.
 */
export function parseWebhookEvents(rawBody: string | Buffer, options: { appId: string }): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString());
  } catch {
    return { ok: false, message: 'Webhook body is not JSON' };
  }
  const parsed = webhookBodySchema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      message: `Webhook body is not a HubSpot event array: ${parsed.error.issues[0]?.message ?? ''}`,
    };
  const events: ParsedWebhookEvent[] = [];
  for (const e of parsed.data) {
    const [prefix = '', action = ''] = e.subscriptionType.split('.');
    const object =
      prefix === 'object' ? OBJECT_FOR_TYPE_ID[e.objectTypeId ?? ''] : OBJECT_FOR_LEGACY_PREFIX[prefix];
    const recordId = e.objectId;
    if (!object || !recordId || action === 'associationChange' || action === 'privacyDeletion') continue;
    const kind = action === 'deletion' ? 'delete' : action === 'merge' ? 'merge' : 'change';
    events.push({
      dedupeKey: `${e.eventId}:${e.subscriptionId}`,
      eventId: e.eventId,
      portalId: e.portalId,
      object,
      recordId,
      kind,
      mergedInto: kind === 'merge' ? (e.primaryObjectId ?? null) : null,
      occurredAt: new Date(e.occurredAt).toISOString(),
      propertyName: e.propertyName ?? null,
      causedByUs: isOwnWrite(e, options.appId),
    });
  }
  return { ok: true, events, ignored: parsed.data.length - events.length };
}

function isOwnWrite(e: HubSpotWebhookEvent, appId: string): boolean {
  const source = e.sourceId ?? '';
  // sourceId is the app id for API writes ("123456"), sometimes prefixed ("APP:123456" style).
  const byApp = source === appId || source.endsWith(`:${appId}`);
  const viaIntegration = e.changeSource === undefined || /^(API|INTEGRATION|APP)/i.test(e.changeSource);
  return byApp && viaIntegration;
}
