import { randomUUID } from 'node:crypto';
import { qboDateTime } from '../core/qbo-time.ts';
import type { ChangeEvent, ChangeOperation } from '../store/realm.ts';

/** Classic format: one `eventNotifications` entry per realm, entities listed in order. */
export function classicPayload(events: ChangeEvent[]): unknown {
  const byRealm = new Map<string, ChangeEvent[]>();
  for (const e of events) byRealm.set(e.realmId, [...(byRealm.get(e.realmId) ?? []), e]);
  return {
    eventNotifications: [...byRealm].map(([realmId, list]) => ({
      realmId,
      dataChangeEvent: {
        entities: list.map((e) => ({
          name: e.entity,
          id: e.id,
          operation: e.operation,
          ...(e.deletedId === undefined ? {} : { deletedId: e.deletedId }),
          // Intuit's documented sample writes the offset without a colon.
          lastUpdated: qboDateTime(e.at).replace(/([+-]\d{2}):(\d{2})$/, '$1$2'),
        })),
      },
    })),
  };
}

const PAST: Record<ChangeOperation, string> = {
  Create: 'created',
  Update: 'updated',
  Delete: 'deleted',
  Void: 'voided',
  Emailed: 'emailed',
  Merge: 'merged',
};

/** CloudEvents format: a JSON array of CloudEvents 1.0 objects, possibly mixing realms. */
export function cloudEventsPayload(events: ChangeEvent[]): unknown {
  return events.map((e) => ({
    specversion: '1.0',
    id: randomUUID(),
    source: 'intuit.qbo-emulator',
    type: `qbo.${e.entity.toLowerCase()}.${PAST[e.operation]}.v1`,
    datacontenttype: 'application/json',
    time: e.at.toISOString(),
    intuitentityid: e.id,
    intuitaccountid: e.realmId,
    data: e.deletedId === undefined ? {} : { deletedid: e.deletedId },
  }));
}
