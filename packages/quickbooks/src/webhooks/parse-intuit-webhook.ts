import { z } from 'zod';
import {
  derivedEventId,
  isoInstant,
  kindOf,
  type QboChangeNotice,
  syncObjectOf,
} from './qbo-change-notice.ts';

const classicSchema = z.object({
  eventNotifications: z.array(
    z.object({
      realmId: z.string().min(1),
      dataChangeEvent: z.object({
        entities: z.array(
          z.object({
            name: z.string().min(1),
            id: z.string().min(1),
            operation: z.string().min(1),
            lastUpdated: z.string().optional(),
            deletedId: z.string().optional(),
          }),
        ),
      }),
    }),
  ),
});

const cloudEventSchema = z.object({
  specversion: z.string(),
  id: z.string().min(1),
  type: z.string().regex(/^qbo\.[a-z]+\.[a-z]+\.v\d+$/),
  time: z.string().optional(),
  intuitentityid: z.string().min(1),
  intuitaccountid: z.string().min(1),
  data: z.object({ deletedid: z.string().optional() }).loose().nullish(),
});

export type ParsedWebhook =
  | { readonly ok: true; readonly format: 'classic' | 'cloudevents'; readonly notices: QboChangeNotice[] }
  | { readonly ok: false; readonly reason: string };

function notice(
  realmId: string,
  entity: string,
  operation: string,
  id: string,
  deletedId: string | undefined,
  eventId: string,
  occurredAt: string,
): QboChangeNotice | null {
  const object = syncObjectOf(entity);
  if (!object) return null;
  const kind = kindOf(operation);
  // A merge removes `deletedId` into the surviving record `id` (R-OBJ-7).
  const merged = kind === 'merge' && deletedId !== undefined;
  return {
    realmId,
    side: 'quickbooks',
    object,
    recordId: merged ? deletedId : id,
    eventId,
    kind,
    mergedInto: merged ? id : null,
    occurredAt,
    entity,
    operation,
  };
}

/**
 * Reads an Intuit webhook body in either format: classic `{eventNotifications:[…]}` or the
 * CloudEvents array. `receivedAt` stands in for a missing event time. Verify the signature first.
 */
export function parseIntuitWebhook(body: unknown, receivedAt: string): ParsedWebhook {
  if (Array.isArray(body)) {
    const parsed = z.array(cloudEventSchema).safeParse(body);
    if (!parsed.success) return { ok: false, reason: 'not a CloudEvents batch Intuit sends' };
    const notices = parsed.data.map((e) => {
      const [, entity = '', operation = ''] = e.type.split('.');
      return notice(
        e.intuitaccountid,
        entity,
        operation,
        e.intuitentityid,
        e.data?.deletedid,
        e.id,
        isoInstant(e.time, receivedAt),
      );
    });
    return { ok: true, format: 'cloudevents', notices: notices.filter((n) => n !== null) };
  }
  const parsed = classicSchema.safeParse(body);
  if (!parsed.success) return { ok: false, reason: 'not an Intuit webhook body' };
  const notices: QboChangeNotice[] = [];
  for (const n of parsed.data.eventNotifications) {
    for (const e of n.dataChangeEvent.entities) {
      const eventId = derivedEventId([
        n.realmId,
        e.name,
        e.id,
        e.operation,
        e.lastUpdated ?? '',
        e.deletedId ?? '',
      ]);
      const made = notice(
        n.realmId,
        e.name,
        e.operation,
        e.id,
        e.deletedId,
        eventId,
        isoInstant(e.lastUpdated, receivedAt),
      );
      if (made) notices.push(made);
    }
  }
  return { ok: true, format: 'classic', notices };
}
