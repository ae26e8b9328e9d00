import type { SyncObject } from '@ledgersync/sync-engine';
import { z } from 'zod';

// HubSpot sends ids as numbers (older payloads as digit strings); anything else is not an id.
const idSchema = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]).transform(String);

const eventSchema = z
  .object({
    eventId: idSchema,
    subscriptionId: idSchema,
    portalId: z.number().int().positive().transform(String),
    appId: idSchema.optional(),
    // Bounded to what a Date can hold: a larger number would make toISOString throw mid-batch.
    occurredAt: z.number().int().min(0).max(8_640_000_000_000_000),
    subscriptionType: z.string().min(1),
    attemptNumber: z.number().optional(),
    objectId: idSchema.optional(),
    objectTypeId: z.string().optional(),
    changeSource: z.string().optional(),
    sourceId: z.string().optional(),
    propertyName: z.string().optional(),
    propertyValue: z.string().optional(),
    primaryObjectId: idSchema.optional(),
    mergedObjectIds: z.array(idSchema).optional(),
    // Association changes name the record they start from here.
    fromObjectId: idSchema.optional(),
    fromObjectTypeId: z.string().optional(),
  })
  .loose();

export const webhookBodySchema = z.array(eventSchema).min(1).max(1000);
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
  /**
   * What a stored notice is deduplicated on. `eventId` alone is not unique: HubSpot's events are
   * unique per subscription, so the subscription comes first. A merged-away record's notice
   * carries the merge event's key with `:merged:<id>`.
   */
  readonly dedupeKey: string;
  /** The event's position in the body: a merge gives several parsed events for one event. */
  readonly bodyIndex: number;
  readonly eventId: string;
  readonly portalId: string;
  /** A line item change means its invoice changed: the caller looks the invoice up. */
  readonly object: SyncObject | 'line_item';
  readonly recordId: string;
  readonly kind: 'change' | 'delete' | 'merge';
  /** On a merge: the surviving record (for the merged-away records' events, the event's record). */
  readonly mergedInto: string | null;
  readonly occurredAt: string;
  readonly propertyName: string | null;
  /** True when our own app's write caused the event (the engine then finds it equal to the base). */
  readonly causedByUs: boolean;
}

export type ParseResult =
  | {
      readonly ok: true;
      /** Events in the body. */
      readonly received: number;
      /** One per record to look at: a merge gives its record and each record merged away. */
      readonly events: readonly ParsedWebhookEvent[];
      /** Events of objects we do not sync, or of no record. */
      readonly ignored: number;
    }
  | { readonly ok: false; readonly message: string };

/**
 * Parses a webhook body (a JSON array of events) into change notices for the objects we sync;
 * other object types are counted as ignored. An association change (a line item or contact added
 * to an invoice) is a change of the record it starts from. `appId` identifies our own writes:
 * HubSpot reports the writing app in `sourceId` for changes made through the API.
 */
export function parseWebhookEvents(rawBody: string | Buffer, options: { appId: string }): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString());
  } catch {
    return { ok: false, message: 'Webhook body is not JSON' };
  }
  const parsed = webhookBodySchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
    return { ok: false, message: `Webhook body is not a HubSpot event array: ${issues.join('; ')}` };
  }
  const events: ParsedWebhookEvent[] = [];
  let ignored = 0;
  for (const [bodyIndex, e] of parsed.data.entries()) {
    const found = eventsOf(e, bodyIndex, options.appId);
    if (found.length === 0) ignored++;
    events.push(...found);
  }
  return { ok: true, received: parsed.data.length, events, ignored };
}

function eventsOf(e: HubSpotWebhookEvent, bodyIndex: number, appId: string): ParsedWebhookEvent[] {
  const [prefix = '', action = ''] = e.subscriptionType.split('.');
  const association = action === 'associationChange';
  const typeId = (association ? (e.objectTypeId ?? e.fromObjectTypeId) : e.objectTypeId) ?? '';
  const object = prefix === 'object' ? OBJECT_FOR_TYPE_ID[typeId] : OBJECT_FOR_LEGACY_PREFIX[prefix];
  const recordId = association ? (e.objectId ?? e.fromObjectId) : e.objectId;
  if (!object || !recordId || action === 'privacyDeletion') return [];
  const kind = action === 'deletion' ? 'delete' : action === 'merge' ? 'merge' : 'change';
  const dedupeKey = `${e.subscriptionId}:${e.eventId}`;
  const common = {
    bodyIndex,
    eventId: e.eventId,
    portalId: e.portalId,
    object,
    occurredAt: new Date(e.occurredAt).toISOString(),
    propertyName: e.propertyName ?? null,
    causedByUs: isOwnWrite(e, appId),
  };
  const event: ParsedWebhookEvent = {
    ...common,
    dedupeKey,
    recordId,
    kind,
    mergedInto: kind === 'merge' ? (e.primaryObjectId ?? null) : null,
  };
  if (kind !== 'merge') return [event];
  // R-OBJ-7: the merged-away records are the ones whose links must be re-pointed.
  const mergedAway = [...new Set(e.mergedObjectIds ?? [])].filter((id) => id !== recordId);
  return [
    event,
    ...mergedAway.map((id) => ({
      ...common,
      dedupeKey: `${dedupeKey}:merged:${id}`,
      recordId: id,
      kind: 'merge' as const,
      mergedInto: recordId,
    })),
  ];
}

function isOwnWrite(e: HubSpotWebhookEvent, appId: string): boolean {
  const source = e.sourceId ?? '';
  // sourceId is the app id for API writes ("123456"), sometimes prefixed ("APP:123456" style).
  const byApp = source === appId || source.endsWith(`:${appId}`);
  const viaIntegration = e.changeSource === undefined || /^(API|INTEGRATION|APP)/i.test(e.changeSource);
  return byApp && viaIntegration;
}
