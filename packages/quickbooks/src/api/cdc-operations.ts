import { ENTITY_SCHEMAS, type EntityName, type EntityOf } from '../entities/registry.ts';
import type { QboTransport } from '../http/qbo-transport.ts';
import { member, parseEntity } from './read-envelope.ts';

export type CdcEntity = 'Invoice' | 'Payment' | 'Customer' | 'Item' | 'Account';

export interface CdcChange<E extends CdcEntity> {
  readonly entity: E;
  readonly id: string;
  /** Present unless the record was deleted. */
  readonly record: EntityOf<E> | null;
  readonly deleted: boolean;
  readonly lastUpdated: string | null;
}

export function cdcOperations(send: QboTransport) {
  return {
    /**
     * Everything changed since `changedSince` (≤ 30 days back; at most 1000 objects, no paging:
     * callers narrow the window when they get 1000). Deleted records come back with status Deleted.
     */
    async changedSince<E extends CdcEntity>(
      entities: readonly E[],
      changedSince: string,
    ): Promise<CdcChange<E>[]> {
      const body = await send({
        method: 'GET',
        path: 'cdc',
        query: { entities: entities.join(','), changedSince },
      });
      const changes: CdcChange<E>[] = [];
      const responses = member(body, 'CDCResponse');
      for (const response of Array.isArray(responses) ? responses : []) {
        const queries = member(response, 'QueryResponse');
        for (const query of Array.isArray(queries) ? queries : []) {
          for (const entity of entities) {
            const list = member(query, entity);
            if (!Array.isArray(list)) continue;
            for (const raw of list) changes.push(readChange(entity, raw));
          }
        }
      }
      return changes;
    },
  };
}

function readChange<E extends CdcEntity>(entity: E, raw: unknown): CdcChange<E> {
  const id = String(member(raw, 'Id') ?? '');
  const lastUpdated = member(member(raw, 'MetaData'), 'LastUpdatedTime');
  const stamp = typeof lastUpdated === 'string' ? lastUpdated : null;
  if (member(raw, 'status') === 'Deleted')
    return { entity, id, record: null, deleted: true, lastUpdated: stamp };
  const record = parseEntity(ENTITY_SCHEMAS[entity as EntityName], raw, entity) as EntityOf<E>;
  return { entity, id, record, deleted: false, lastUpdated: stamp };
}
