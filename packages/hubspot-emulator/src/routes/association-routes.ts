import type { FastifyInstance } from 'fastify';
import { objectScopes } from '../auth/required-scopes.ts';
import { labelView } from '../crm/association-labels.ts';
import type { AssociationTypeDef } from '../crm/association-types.ts';
import { associationById, defaultAssociation } from '../crm/find-object.ts';
import { type ObjectType, resolveObjectType } from '../crm/object-types.ts';
import type { Portal } from '../crm/portal.ts';
import { type ApiContext, requireScopes } from '../http/api-context.ts';
import { apiRoute, type RouteEnv, stringParam } from '../http/api-route.ts';
import { notFound, validation } from '../http/hubspot-error.ts';
import { parseBody } from '../http/parse-body.ts';
import { SpecList } from './association-schemas.ts';

type Params = { fromType: string; fromId: string; toType: string; toId: string };

export function linkTypes(
  ctx: ApiContext,
  params: Params,
  access: 'read' | 'write',
): [ObjectType, ObjectType] {
  const from = resolveObjectType(params.fromType);
  const to = resolveObjectType(params.toType);
  requireScopes(ctx, objectScopes(from, access));
  requireScopes(ctx, objectScopes(to, 'read'));
  return [from, to];
}

export function defaultResult(def: AssociationTypeDef, fromId: string, toId: string) {
  return [
    { from: { id: fromId }, to: { id: toId }, associationSpec: spec(def.category, def.typeId) },
    { from: { id: toId }, to: { id: fromId }, associationSpec: spec(def.category, def.inverseTypeId) },
  ];
}

const spec = (associationCategory: string, associationTypeId: number) => ({
  associationCategory,
  associationTypeId,
});

export function pairView(portal: Portal, fromTypeId: string, fromId: string, toTypeId: string, toId: string) {
  const labels = portal.associations
    .between(fromTypeId, fromId, toTypeId, toId)
    .map((id) => associationById(portal, fromTypeId, id, toTypeId).label)
    .filter((l): l is string => l !== null);
  return {
    fromObjectTypeId: fromTypeId,
    fromObjectId: Number(fromId),
    toObjectTypeId: toTypeId,
    toObjectId: Number(toId),
    labels,
  };
}

export function linksOf(portal: Portal, fromTypeId: string, fromId: string, toTypeId: string) {
  return portal.associations.list(fromTypeId, fromId, toTypeId).map((edge) => ({
    toObjectId: Number(edge.toId),
    associationTypes: edge.typeIds.map((id) => labelView(associationById(portal, fromTypeId, id, toTypeId))),
  }));
}

/** Single-record v4 association endpoints under `/crm/v4/objects/...`. */
export function associationRoutes(app: FastifyInstance, env: RouteEnv): void {
  const base = '/crm/v4/objects/:fromType/:fromId/associations';
  const now = () => new Date(env.state.clock.now()).toISOString();

  app.put(
    `${base}/default/:toType/:toId`,
    apiRoute(env, (req, _reply, ctx) => {
      const p = req.params as Params;
      const [from, to] = linkTypes(ctx, p, 'write');
      const def = defaultAssociation(ctx.portal, from.id, to.id);
      const started = now();
      env.state.crm.associate(ctx.portal, def, p.fromId, p.toId, ctx.source);
      return {
        status: 'COMPLETE',
        results: defaultResult(def, p.fromId, p.toId),
        startedAt: started,
        completedAt: now(),
      };
    }),
  );

  app.put(
    `${base}/:toType/:toId`,
    apiRoute(env, (req, reply, ctx) => {
      const p = req.params as Params;
      const [from, to] = linkTypes(ctx, p, 'write');
      const specs = parseBody(SpecList, req.body);
      if (specs.length === 0) throw validation('At least one association type is required.');
      for (const s of specs) {
        const def = associationById(ctx.portal, from.id, s.associationTypeId, to.id);
        env.state.crm.associate(ctx.portal, def, p.fromId, p.toId, ctx.source);
      }
      return reply.code(201).send(pairView(ctx.portal, from.id, p.fromId, to.id, p.toId));
    }),
  );

  app.delete(
    `${base}/:toType/:toId`,
    apiRoute(env, (req, reply, ctx) => {
      const p = req.params as Params;
      const [from, to] = linkTypes(ctx, p, 'write');
      for (const typeId of ctx.portal.associations.between(from.id, p.fromId, to.id, p.toId)) {
        const def = associationById(ctx.portal, from.id, typeId, to.id);
        env.state.crm.unassociate(ctx.portal, def, p.fromId, p.toId, ctx.source);
      }
      return reply.code(204).send();
    }),
  );

  app.get(
    `${base}/:toType`,
    apiRoute(env, (req, _reply, ctx) => {
      const p = req.params as Params;
      const [from, to] = linkTypes(ctx, p, 'read');
      if (!ctx.portal.live(from.id, p.fromId)) throw notFound(`No ${from.name} with id ${p.fromId} exists.`);
      const limit = Math.min(Number(stringParam(req.query, 'limit') ?? 500), 500);
      const after = Number(stringParam(req.query, 'after') ?? 0);
      const all = linksOf(ctx.portal, from.id, p.fromId, to.id).filter((l) => l.toObjectId > after);
      const page = all.slice(0, limit);
      const last = page.at(-1);
      return {
        results: page,
        ...(all.length > limit && last ? { paging: { next: { after: String(last.toObjectId) } } } : {}),
      };
    }),
  );
}
