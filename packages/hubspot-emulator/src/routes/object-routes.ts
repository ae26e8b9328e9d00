import type { FastifyInstance } from 'fastify';
import { objectScopes } from '../auth/required-scopes.ts';
import { requireObject } from '../crm/find-object.ts';
import { resolveObjectType } from '../crm/object-types.ts';
import { requireScopes } from '../http/api-context.ts';
import { apiRoute, listParam, type RouteEnv, stringParam } from '../http/api-route.ts';
import { validation } from '../http/hubspot-error.ts';
import { parseBody } from '../http/parse-body.ts';
import { serializeObject } from '../http/serialize-object.ts';
import { toNewAssociations } from './association-inputs.ts';
import { CreateInput, MergeInput, UpdateInput } from './object-schemas.ts';

type Params = { objectType: string; objectId: string };

export function objectRoutes(app: FastifyInstance, env: RouteEnv, prefix = '/crm/v3/objects'): void {
  const base = `${prefix}/:objectType`;

  app.get(
    base,
    apiRoute(env, (req, _reply, ctx) => {
      const type = resolveObjectType((req.params as Params).objectType);
      requireScopes(ctx, objectScopes(type, 'read'));
      const limit = Number(stringParam(req.query, 'limit') ?? 10);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100)
        throw validation('limit must be between 1 and 100');
      const after = Number(stringParam(req.query, 'after') ?? 0);
      const archived = stringParam(req.query, 'archived') === 'true';
      const all = [...ctx.portal.store(type.id).values()]
        .filter((o) => o.archived === archived && Number(o.id) > after)
        .sort((a, b) => Number(a.id) - Number(b.id));
      const page = all.slice(0, limit);
      const opts = {
        properties: listParam(req.query, 'properties'),
        propertiesWithHistory: listParam(req.query, 'propertiesWithHistory'),
        associations: listParam(req.query, 'associations'),
      };
      const last = page.at(-1);
      return {
        results: page.map((o) => serializeObject(ctx.portal, o, opts)),
        ...(all.length > limit && last
          ? { paging: { next: { after: last.id, link: `${req.url.split('?')[0]}?after=${last.id}` } } }
          : {}),
      };
    }),
  );

  app.get(
    `${base}/:objectId`,
    apiRoute(env, (req, _reply, ctx) => {
      const { objectType, objectId } = req.params as Params;
      const type = resolveObjectType(objectType);
      requireScopes(ctx, objectScopes(type, 'read'));
      const obj = requireObject(ctx.portal, type.id, objectId, stringParam(req.query, 'idProperty'));
      return serializeObject(ctx.portal, obj, {
        properties: listParam(req.query, 'properties'),
        propertiesWithHistory: listParam(req.query, 'propertiesWithHistory'),
        associations: listParam(req.query, 'associations'),
      });
    }),
  );

  app.post(
    base,
    apiRoute(env, (req, reply, ctx) => {
      const type = resolveObjectType((req.params as Params).objectType);
      requireScopes(ctx, objectScopes(type, 'write'));
      const body = parseBody(CreateInput, req.body);
      const links = toNewAssociations(ctx.portal, type.id, body.associations);
      const obj = env.state.crm.create(ctx.portal, type.id, body.properties, ctx.source, links);
      reply.code(201);
      return serializeObject(ctx.portal, obj, { properties: 'all' });
    }),
  );

  app.post(
    `${base}/merge`,
    apiRoute(env, (req, _reply, ctx) => {
      const type = resolveObjectType((req.params as Params).objectType);
      requireScopes(ctx, objectScopes(type, 'write'));
      const body = parseBody(MergeInput, req.body);
      const primary = requireObject(ctx.portal, type.id, body.primaryObjectId);
      const merged = requireObject(ctx.portal, type.id, body.objectIdToMerge);
      env.state.crm.merge(ctx.portal, primary, merged, ctx.source);
      return serializeObject(ctx.portal, primary, { properties: 'all' });
    }),
  );

  app.patch(
    `${base}/:objectId`,
    apiRoute(env, (req, _reply, ctx) => {
      const { objectType, objectId } = req.params as Params;
      const type = resolveObjectType(objectType);
      requireScopes(ctx, objectScopes(type, 'write'));
      const body = parseBody(UpdateInput, req.body);
      const obj = requireObject(ctx.portal, type.id, objectId, stringParam(req.query, 'idProperty'));
      env.state.crm.update(ctx.portal, obj, body.properties, ctx.source);
      return serializeObject(ctx.portal, obj, { properties: 'all' });
    }),
  );

  app.delete(
    `${base}/:objectId`,
    apiRoute(env, (req, reply, ctx) => {
      const { objectType, objectId } = req.params as Params;
      const type = resolveObjectType(objectType);
      requireScopes(ctx, objectScopes(type, 'write'));
      const obj = ctx.portal.live(type.id, objectId);
      // HubSpot answers 204 for an id that is already gone.
      if (obj) env.state.crm.archive(ctx.portal, obj, ctx.source);
      reply.code(204);
      return reply.send();
    }),
  );
}
