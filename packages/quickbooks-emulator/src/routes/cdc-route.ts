import type { FastifyInstance } from 'fastify';
import { faults } from '../core/fault-catalogue.ts';
import type { Json } from '../core/json.ts';
import { isObject } from '../core/json.ts';
import { qboDateTime } from '../core/qbo-time.ts';
import type { Emulator } from '../emulator.ts';
import { view } from '../entities/operations.ts';
import { findEntity } from '../entities/registry.ts';
import { type ApiResult, handleApi } from '../http/api-handler.ts';

const MAX_OBJECTS = 1000;
const LOOKBACK_MS = 30 * 24 * 3600 * 1000;

/** `changedSince` from clients that did not URL-encode `+` arrives with a space instead. */
export function parseChangedSince(raw: string): number {
  const fixed = raw
    .trim()
    .replace(/ (\d{2}:?\d{2})$/, '+$1')
    .replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  return Date.parse(fixed);
}

/** `GET /cdc?entities=…&changedSince=…`: full payloads of changed records, deleted ones as stubs. */
export function cdcRoute(app: FastifyInstance, emu: Emulator): void {
  app.get<{ Params: { realmId: string } }>('/v3/company/:realmId/cdc', (request, reply) =>
    handleApi(emu, request, reply, (realm, query): ApiResult => {
      if (!query.entities) throw faults.required('entities');
      if (!query.changedSince) throw faults.required('changedSince');
      const since = parseChangedSince(query.changedSince);
      if (Number.isNaN(since)) throw faults.queryParse(`Invalid changedSince value: ${query.changedSince}`);
      if (emu.now().getTime() - since > LOOKBACK_MS) {
        throw faults.unsupportedOperation(
          `cdc with changedSince date ${query.changedSince} which is older than fixed days`,
        );
      }
      const sinceSecond = Math.floor(since / 1000) * 1000;
      let budget = MAX_OBJECTS;
      const ctx = { realm, now: emu.now(), include: new Set<string>(), changes: [] };
      const responses: Json[] = query.entities.split(',').map((name) => {
        const def = findEntity(name.trim());
        if (!def) throw faults.queryInvalid(`invalid context declaration: ${name.trim()}`);
        const changed: Json[] = [];
        for (const rec of realm.list(def.name)) {
          const meta = rec.data.MetaData;
          const t = isObject(meta) ? Date.parse(String(meta.LastUpdatedTime)) : Number.NaN;
          if (t >= sinceSecond) changed.push(view(ctx, def, rec.data));
        }
        for (const [id, at] of realm.tombstones.get(def.name) ?? []) {
          if (at.getTime() >= sinceSecond) {
            changed.push({
              domain: 'QBO',
              status: 'Deleted',
              Id: id,
              MetaData: { LastUpdatedTime: qboDateTime(at) },
            });
          }
        }
        const page = changed.slice(0, Math.max(budget, 0));
        budget -= page.length;
        if (page.length === 0) return {};
        return { [def.name]: page, startPosition: 1, maxResults: page.length, totalCount: page.length };
      });
      return { status: 200, body: { CDCResponse: [{ QueryResponse: responses }] } };
    }),
  );
}
