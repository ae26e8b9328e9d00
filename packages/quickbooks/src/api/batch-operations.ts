import { createHash } from 'node:crypto';
import { ENTITY_SCHEMAS, type EntityOf } from '../entities/registry.ts';
import { faultItemsToError, readFaultItems } from '../errors/fault-to-error.ts';
import { QboError } from '../errors/qbo-error.ts';
import type { QboTransport } from '../http/qbo-transport.ts';
import type { EntityBody, VersionRef, WritableEntity } from './entity-operations.ts';
import { member, parseEntity } from './read-envelope.ts';

export const BATCH_SIZE = 30;

export type BatchOperation =
  | { readonly kind: 'create'; readonly entity: WritableEntity; readonly body: EntityBody }
  | {
      readonly kind: 'update';
      readonly entity: WritableEntity;
      readonly body: EntityBody & VersionRef;
      readonly sparse: boolean;
    }
  | { readonly kind: 'delete'; readonly entity: 'Invoice' | 'Payment'; readonly ref: VersionRef }
  | { readonly kind: 'void'; readonly entity: 'Invoice' | 'Payment'; readonly ref: VersionRef };

export type BatchItemResult =
  | { readonly ok: true; readonly entity: EntityOf<WritableEntity> | { Id: string; status: string } }
  | { readonly ok: false; readonly error: QboError };

function toRequestItem(bId: string, op: BatchOperation): Record<string, unknown> {
  switch (op.kind) {
    case 'create':
      return { bId, operation: 'create', [op.entity]: op.body };
    case 'update':
      return { bId, operation: 'update', [op.entity]: { ...op.body, sparse: op.sparse } };
    case 'delete':
      return { bId, operation: 'delete', [op.entity]: { Id: op.ref.Id, SyncToken: op.ref.SyncToken } };
    case 'void':
      return {
        bId,
        operation: 'update',
        optionsData: 'void',
        [op.entity]: { Id: op.ref.Id, SyncToken: op.ref.SyncToken, sparse: true },
      };
  }
}

/**
 * The requestid of one chunk: derived from the items' own keys, so resending the same chunk
 * after a crash replays QBO's stored answer (batch requestids are limited to 36 characters).
 */
export function chunkRequestId(itemKeys: readonly string[]): string {
  return `lsb${createHash('sha256').update(JSON.stringify(itemKeys)).digest('base64url').slice(0, 33)}`;
}

function readItem(op: BatchOperation, item: unknown): BatchItemResult {
  const faults = readFaultItems(item);
  if (faults) return { ok: false, error: faultItemsToError(faults) };
  const raw = member(item, op.entity);
  if (op.kind === 'delete') {
    return {
      ok: true,
      entity: { Id: String(member(raw, 'Id') ?? op.ref.Id), status: String(member(raw, 'status') ?? '') },
    };
  }
  try {
    return { ok: true, entity: parseEntity(ENTITY_SCHEMAS[op.entity], raw, op.entity) };
  } catch (error) {
    return { ok: false, error: error as QboError };
  }
}

export function batchOperations(send: QboTransport) {
  async function chunk(items: readonly { key: string; op: BatchOperation }[]): Promise<BatchItemResult[]> {
    const body = {
      BatchItemRequest: items.map((item, i) => toRequestItem(`b${i}`, item.op)),
    };
    let response: unknown;
    try {
      response = await send({
        method: 'POST',
        path: 'batch',
        body,
        requestId: chunkRequestId(items.map((i) => i.key)),
        kind: 'batch',
      });
    } catch (error) {
      if (!(error instanceof QboError)) throw error;
      return items.map(() => ({ ok: false, error }));
    }
    const answers = member(response, 'BatchItemResponse');
    const byBId = new Map<string, unknown>();
    for (const answer of Array.isArray(answers) ? answers : [])
      byBId.set(String(member(answer, 'bId')), answer);
    return items.map((item, i) => {
      const answer = byBId.get(`b${i}`);
      if (answer === undefined) {
        return {
          ok: false,
          error: new QboError('Unknown', 'QuickBooks returned no result for this batch item', null, null),
        };
      }
      return readItem(item.op, answer);
    });
  }

  return {
    /**
     * Runs operations in chunks of 30, one result per input in input order. `key` is the
     * caller's idempotency key of each operation (it feeds the chunk's requestid).
     */
    async batch(items: readonly { key: string; op: BatchOperation }[]): Promise<BatchItemResult[]> {
      const results: BatchItemResult[] = [];
      for (let i = 0; i < items.length; i += BATCH_SIZE) {
        results.push(...(await chunk(items.slice(i, i + BATCH_SIZE))));
      }
      return results;
    },
  };
}
