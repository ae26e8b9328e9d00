import type { EntityOf } from '../entities/registry.ts';
import { isQboError } from '../errors/qbo-error.ts';
import type { EntityBody, entityOperations, WritableEntity } from './entity-operations.ts';

/**
 * A sparse update that survives one concurrent edit: on StaleObject it re-reads the record,
 * rebuilds the changes against what is there now and sends them once more. The second attempt
 * uses its own requestid, because QBO would replay the stale answer for the first one.
 */
export function updateWithStaleRetry(ops: ReturnType<typeof entityOperations>) {
  return async function update<E extends WritableEntity>(
    entity: E,
    current: { readonly Id: string; readonly SyncToken: string },
    changes: (latest: EntityOf<E> | null) => EntityBody,
    requestId: string,
  ): Promise<EntityOf<E>> {
    const first = { ...changes(null), Id: current.Id, SyncToken: current.SyncToken };
    try {
      return (await ops.sparseUpdate(entity, first, requestId)) as EntityOf<E>;
    } catch (error) {
      if (!isQboError(error, 'StaleObject')) throw error;
    }
    const latest = (await ops.read(entity, current.Id)) as EntityOf<E>;
    const second = { ...changes(latest), Id: current.Id, SyncToken: latest.SyncToken };
    return (await ops.sparseUpdate(entity, second, `${requestId}-r`)) as EntityOf<E>;
  };
}
