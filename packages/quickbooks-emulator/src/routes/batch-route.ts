import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { QboFault, systemFault } from '../core/fault.ts';
import { faults } from '../core/fault-catalogue.ts';
import type { Json } from '../core/json.ts';
import { isObject } from '../core/json.ts';
import type { Emulator } from '../emulator.ts';
import { findEntity } from '../entities/registry.ts';
import { type ApiResult, handleApi, includeFlags } from '../http/api-handler.ts';
import { executeQuery } from '../query/execute.ts';
import type { Realm } from '../store/realm.ts';
import { writeEntity } from './entity-routes.ts';

const MAX_ITEMS = 30;
const NON_ENTITY_KEYS = new Set(['bId', 'operation', 'optionsData']);

function runItem(emu: Emulator, realm: Realm, item: unknown, batchId: string): Json {
  if (!isObject(item)) throw faults.badRequestBody('BatchItemRequest entries must be objects');
  if (typeof item.Query === 'string') {
    const text = item.Query;
    return { QueryResponse: emu.run(realm, new Set(), (ctx) => executeQuery(ctx, text), batchId) };
  }
  const key = Object.keys(item).find((k) => !NON_ENTITY_KEYS.has(k));
  const def = key === undefined ? undefined : findEntity(key);
  if (!def || key === undefined) throw faults.badRequestBody('BatchItemRequest entry has no entity or Query');
  const op = typeof item.operation === 'string' ? item.operation.toLowerCase() : '';
  const query: Record<string, string> = {};
  if (op === 'delete') query.operation = 'delete';
  if (op === 'void' || item.optionsData === 'void') query.include = 'void';
  if (op === 'update') query.operation = 'update';
  const entity = emu.run(
    realm,
    includeFlags(query),
    (ctx) => writeEntity(ctx, def, item[key], query),
    batchId,
  );
  return { [def.name]: entity };
}

/**
 * `POST /batch`: up to 30 items, answered in request order with HTTP 200 and a per-item Fault.
 * Items run one after another but none of them sees what the others created.
 */
export function batchRoute(app: FastifyInstance, emu: Emulator): void {
  app.post<{ Params: { realmId: string } }>('/v3/company/:realmId/batch', (request, reply) =>
    handleApi(emu, request, reply, (realm): ApiResult => {
      const body = request.body;
      if (!isObject(body) || !Array.isArray(body.BatchItemRequest)) throw faults.required('BatchItemRequest');
      const items = body.BatchItemRequest;
      if (items.length > MAX_ITEMS) throw faults.batchTooLarge(items.length);
      const batchId = randomUUID();
      try {
        const responses = items.map((item) => {
          const bId = isObject(item) && item.bId !== undefined ? String(item.bId) : undefined;
          let out: Json;
          try {
            out = runItem(emu, realm, item, batchId);
          } catch (e) {
            const fault = e instanceof QboFault ? e : systemFault(String(e));
            out = { Fault: fault.body };
          }
          return bId === undefined ? out : { ...out, bId };
        });
        return { status: 200, body: { BatchItemResponse: responses } };
      } finally {
        for (const table of realm.records.values())
          for (const rec of table.values()) if (rec.batchId === batchId) delete rec.batchId;
      }
    }),
  );
}
