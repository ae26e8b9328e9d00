import { z } from 'zod';
import {
  derivedEventId,
  isoInstant,
  kindOf,
  type QboChangeNotice,
  syncObjectOf,
} from './qbo-change-notice.ts';

// Intuit batches at most a few hundred changes per delivery; the cap keeps a forged body cheap.
const MAX_EVENTS = 1000;

const classicSchema = z.object({
  eventNotifications: z
    .array(
      z.object({
        realmId: z.string().min(1),
        dataChangeEvent: z.object({
          entities: z.array(
            z.looseObject({
              name: z.string().min(1),
              id: z.string().min(1),
              operation: z.string().min(1),
              lastUpdated: z.string().optional(),
              deletedId: z.string().min(1).optional(),
            }),
          ),
        }),
      }),
    )
    .max(MAX_EVENTS),
});

const cloudEventSchema = z.looseObject({
  specversion: z.string(),
  id: z.string().min(1),
  type: z.string().regex(/^qbo\.[a-z]+\.[a-z]+\.v\d+$/, 'expected qbo.<entity>.<operation>.v<n>'),
  time: z.string().optional(),
  intuitentityid: z.string().min(1),
  intuitaccountid: z.string().min(1),
  data: z.looseObject({ deletedid: z.string().min(1).optional() }).nullish(),
});
const cloudEventsSchema = z.array(cloudEventSchema).min(1).max(MAX_EVENTS);

export type ParsedWebhook =
  | {
      readonly ok: true;
      readonly format: 'classic' | 'cloudevents';
      /** Every change the body reports, synced entities or not. */
      readonly received: number;
      readonly notices: QboChangeNotice[];
    }
  | { readonly ok: false; readonly reason: string };

interface RawChange {
  realmId: string;
  entity: string;
  operation: string;
  id: string;
  deletedId: string | undefined;
  eventId: string;
  occurredAt: string;
}

/**
 * Intuit reports a merge under the surviving entity's id with the merged-away one in `deletedId`
 * (classic) or `data.deletedid` (CloudEvents). The merged-away record is the one our links know and
 * it can no longer be read, so one notice names it and carries the survivor; a second one is the
 * survivor's own (it took the merged record's place, R-OBJ-7), as HubSpot's merge event gives both.
 */
function notices(c: RawChange): QboChangeNotice[] {
  const object = syncObjectOf(c.entity);
  if (!object) return [];
  const kind = kindOf(c.operation);
  const common = { realmId: c.realmId, side: 'quickbooks' as const, object, occurredAt: c.occurredAt };
  const tags = { entity: c.entity, operation: c.operation };
  if (kind === 'merge' && c.deletedId !== undefined) {
    return [
      { ...common, ...tags, recordId: c.deletedId, eventId: c.eventId, kind, mergedInto: c.id },
      {
        ...common,
        ...tags,
        recordId: c.id,
        eventId: `${c.eventId}:survivor`,
        kind: 'change',
        mergedInto: null,
      },
    ];
  }
  return [{ ...common, ...tags, recordId: c.id, eventId: c.eventId, kind, mergedInto: null }];
}

function issueText(i: z.core.$ZodIssue): string {
  return `${i.path.join('.') || 'body'}: ${i.message}`;
}

/**
 * Reads an Intuit webhook body in either format: classic `{eventNotifications:[…]}` or the
 * CloudEvents array, several realms in one delivery. `receivedAt` stands in for a missing event
 * time. Entities LedgerSync does not sync count as received but give no notice. Verify the
 * signature first.
 */
export function parseIntuitWebhook(body: unknown, receivedAt: string): ParsedWebhook {
  if (Array.isArray(body)) {
    const parsed = cloudEventsSchema.safeParse(body);
    if (!parsed.success) return { ok: false, reason: parsed.error.issues.map(issueText).join('; ') };
    const changes = parsed.data.map((e): RawChange => {
      const [, entity = '', operation = ''] = e.type.split('.');
      return {
        realmId: e.intuitaccountid,
        entity,
        operation,
        id: e.intuitentityid,
        deletedId: e.data?.deletedid,
        // CloudEvents ids are Intuit's own; the prefix keeps them apart from derived classic ids.
        eventId: `ce:${e.id}`,
        occurredAt: isoInstant(e.time, receivedAt),
      };
    });
    return { ok: true, format: 'cloudevents', received: changes.length, notices: changes.flatMap(notices) };
  }
  const parsed = classicSchema.safeParse(body);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.map(issueText).join('; ') };
  const changes: RawChange[] = [];
  for (const n of parsed.data.eventNotifications) {
    for (const e of n.dataChangeEvent.entities) {
      changes.push({
        realmId: n.realmId,
        entity: e.name,
        operation: e.operation,
        id: e.id,
        deletedId: e.deletedId,
        // Classic events carry no id: the change itself (what, which, when) identifies it.
        eventId: derivedEventId([
          n.realmId,
          e.name,
          e.id,
          e.operation,
          e.lastUpdated ?? '',
          e.deletedId ?? '',
        ]),
        occurredAt: isoInstant(e.lastUpdated, receivedAt),
      });
    }
  }
  return { ok: true, format: 'classic', received: changes.length, notices: changes.flatMap(notices) };
}
