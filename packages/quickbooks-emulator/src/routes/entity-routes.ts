import type { FastifyInstance } from 'fastify';
import { faults } from '../core/fault-catalogue.ts';
import type { Json } from '../core/json.ts';
import { isObject } from '../core/json.ts';
import type { Emulator } from '../emulator.ts';
import type { OpContext } from '../entities/context.ts';
import type { EntityDef } from '../entities/entity-def.ts';
import { createEntity, deleteEntity, readEntity, updateEntity, voidEntity } from '../entities/operations.ts';
import { findEntity } from '../entities/registry.ts';
import { type ApiQuery, type ApiResult, handleApi, includeFlags } from '../http/api-handler.ts';
import { InvalidJson } from '../http/body-parsers.ts';

interface EntityParams {
  realmId: string;
  entity: string;
  id?: string;
}

export function unsupportedPath(path: string): never {
  throw faults.unsupportedOperation(
    `Could not find resource for relative : ${path} of full path: https://quickbooks.api.intuit.com${path}`,
  );
}

function defFor(name: string, path: string): EntityDef {
  const def = findEntity(name);
  if (!def) unsupportedPath(path);
  return def;
}

/** Chooses create, update, delete or void from `operation`, `include` and the body, as QBO does. */
export function writeEntity(ctx: OpContext, def: EntityDef, body: unknown, query: ApiQuery): Json {
  if (body instanceof InvalidJson)
    throw faults.badRequestBody(`Request body is not valid JSON: ${body.reason}`);
  if (!isObject(body)) throw faults.badRequestBody('Request body must be a JSON object');
  const operation = (query.operation ?? '').toLowerCase();
  const include = includeFlags(query);
  if (operation === 'delete') return deleteEntity(ctx, def, body);
  if (operation === 'void' || include.has('void')) return voidEntity(ctx, def, body);
  if (def.name === 'Preferences' || def.name === 'CompanyInfo') {
    const current = ctx.realm.table(def.name).get('1')?.data;
    return updateEntity(ctx, def, { ...body, Id: '1', SyncToken: body.SyncToken ?? current?.SyncToken });
  }
  if (body.Id !== undefined && body.Id !== null && body.Id !== '') return updateEntity(ctx, def, body);
  if (operation === 'update') throw faults.required('Id');
  return createEntity(ctx, def, body);
}

export function entityRoutes(app: FastifyInstance, emu: Emulator): void {
  app.post<{ Params: EntityParams }>('/v3/company/:realmId/:entity', (request, reply) =>
    handleApi(emu, request, reply, (realm, query): ApiResult => {
      const def = defFor(request.params.entity, request.url.split('?')[0] ?? '');
      const entity = emu.run(realm, includeFlags(query), (ctx) => writeEntity(ctx, def, request.body, query));
      return { status: 200, body: { [def.name]: entity } };
    }),
  );

  // GET /preferences has no id; GET /companyinfo/{realmId} uses the realm id as its id.
  app.get<{ Params: EntityParams }>('/v3/company/:realmId/:entity', (request, reply) =>
    handleApi(emu, request, reply, (realm, query): ApiResult => {
      const def = defFor(request.params.entity, request.url.split('?')[0] ?? '');
      if (def.name !== 'Preferences') unsupportedPath(request.url.split('?')[0] ?? '');
      const data = emu.run(realm, includeFlags(query), (ctx) => readEntity(ctx, def, '1'));
      return { status: 200, body: { Preferences: data } };
    }),
  );

  app.get<{ Params: EntityParams }>('/v3/company/:realmId/:entity/:id', (request, reply) =>
    handleApi(emu, request, reply, (realm, query): ApiResult => {
      const def = defFor(request.params.entity, request.url.split('?')[0] ?? '');
      const id = def.name === 'CompanyInfo' || def.name === 'Preferences' ? '1' : (request.params.id ?? '');
      const data = emu.run(realm, includeFlags(query), (ctx) => readEntity(ctx, def, id));
      return { status: 200, body: { [def.name]: data } };
    }),
  );
}
