import type { SyncObject } from '@ledgersync/db';
import { z } from 'zod';

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
    .max(1000),
});

const cloudEventSchema = z.looseObject({
  specversion: z.string(),
  id: z.string().min(1),
  type: z.string().regex(/^qbo\.[a-z]+\.[a-z]+\.v\d+$/, 'expected qbo.<entity>.<operation>.v<n>'),
  intuitentityid: z.string().min(1),
  intuitaccountid: z.string().min(1),
  time: z.string().optional(),
  data: z.looseObject({ deletedid: z.string().min(1).optional() }).nullish(),
});
const cloudEventsSchema = z.array(cloudEventSchema).min(1).max(1000);

export interface QuickBooksChange {
  realmId: string;
  entity: string;
  entityId: string;
  eventId: string;
  occurredAt?: Date;
  /** A merge (R-OBJ-7): `entityId` is the merged-away record, this the survivor it went into. */
  mergedIntoId?: string;
}

type Target = Pick<QuickBooksChange, 'entityId' | 'eventId' | 'mergedIntoId'>;

/**
 * Intuit reports a merge under the surviving entity's id with the merged-away one in `deletedId`
 * (classic) or `data.deletedid` (CloudEvents). The merged-away record is the one our links know and
 * it can no longer be read, so one change names it and carries the survivor; a second one is the
 * survivor's own (it took the merged record's place, R-OBJ-7), as HubSpot's merge event gives both.
 */
function targets(operation: string, id: string, deletedId: string | undefined, eventId: string): Target[] {
  if (!/^merge/i.test(operation) || deletedId === undefined) return [{ entityId: id, eventId }];
  return [
    { entityId: deletedId, mergedIntoId: id, eventId },
    { entityId: id, eventId: `${eventId}:survivor` },
  ];
}

const OBJECT_OF_ENTITY: Record<string, SyncObject> = {
  invoice: 'invoices',
  customer: 'contacts',
  item: 'products',
  payment: 'payments',
};
export const objectOfQuickBooksEntity = (entity: string): SyncObject | null =>
  OBJECT_OF_ENTITY[entity.toLowerCase()] ?? null;

const date = (s: string | undefined) => {
  if (!s) return undefined;
  // Classic payloads may write the offset without a colon (+0000).
  const d = new Date(s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(d.getTime()) ? undefined : d;
};

/** Both Intuit formats, classic (per realm) and CloudEvents (a flat array), into one list. */
export function parseQuickBooksWebhook(
  body: unknown,
): { ok: true; changes: QuickBooksChange[] } | { ok: false; message: string } {
  if (Array.isArray(body)) {
    const parsed = cloudEventsSchema.safeParse(body);
    if (!parsed.success) return { ok: false, message: parsed.error.issues.map(issueText).join('; ') };
    return {
      ok: true,
      changes: parsed.data.flatMap((e) =>
        targets(e.type.split('.')[2] ?? '', e.intuitentityid, e.data?.deletedid, `ce:${e.id}`).map((t) => ({
          realmId: e.intuitaccountid,
          entity: e.type.split('.')[1] ?? '',
          ...t,
          ...(date(e.time) ? { occurredAt: date(e.time) as Date } : {}),
        })),
      ),
    };
  }
  const parsed = classicSchema.safeParse(body);
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map(issueText).join('; ') };
  const changes: QuickBooksChange[] = [];
  for (const n of parsed.data.eventNotifications) {
    for (const e of n.dataChangeEvent.entities) {
      // Classic events carry no id: the change itself (what, which, when) identifies it.
      const eventId = `classic:${n.realmId}:${e.name}:${e.id}:${e.operation}:${e.lastUpdated ?? ''}${e.deletedId ? `:${e.deletedId}` : ''}`;
      for (const t of targets(e.operation, e.id, e.deletedId, eventId)) {
        changes.push({
          realmId: n.realmId,
          entity: e.name,
          ...t,
          ...(date(e.lastUpdated) ? { occurredAt: date(e.lastUpdated) as Date } : {}),
        });
      }
    }
  }
  return { ok: true, changes };
}

function issueText(i: z.core.$ZodIssue): string {
  return `${i.path.join('.') || 'body'}: ${i.message}`;
}
