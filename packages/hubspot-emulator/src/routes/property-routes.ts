import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { schemaScopes } from '../auth/required-scopes.ts';
import { resolveObjectType } from '../crm/object-types.ts';
import type { PropertyDefinition } from '../crm/property-definition.ts';
import { requireScopes } from '../http/api-context.ts';
import { apiRoute, type RouteEnv } from '../http/api-route.ts';
import { conflict, notFound, validation } from '../http/hubspot-error.ts';
import { parseBody } from '../http/parse-body.ts';

const Option = z.object({
  label: z.string(),
  value: z.string(),
  hidden: z.boolean().default(false),
  displayOrder: z.number().int().default(0),
  description: z.string().optional(),
});
const PropertyCreate = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'lowercase letters, digits and underscores'),
  label: z.string().min(1),
  type: z.enum(['string', 'number', 'date', 'datetime', 'enumeration', 'bool', 'phone_number']),
  fieldType: z.string(),
  groupName: z.string(),
  description: z.string().default(''),
  options: z.array(Option).default([]),
  hasUniqueValue: z.boolean().default(false),
  hidden: z.boolean().default(false),
  formField: z.boolean().default(false),
  displayOrder: z.number().int().default(-1),
});
const PropertyUpdate = PropertyCreate.omit({ name: true, hasUniqueValue: true }).partial();
const GroupCreate = z.object({
  name: z.string().min(1),
  label: z.string().min(1),
  displayOrder: z.number().int().default(-1),
});

type P = { objectType: string; name: string };

/** `/crm/v3/properties/{objectType}`: definitions and groups, built-in and app-created. */
export function propertyRoutes(app: FastifyInstance, env: RouteEnv): void {
  const base = '/crm/v3/properties/:objectType';
  const ctxType = (params: unknown) => resolveObjectType((params as P).objectType);
  const now = () => new Date(env.state.clock.now()).toISOString();
  const live = (m: Map<string, PropertyDefinition>) => [...m.values()].filter((d) => !d.archived);

  app.get(
    base,
    apiRoute(env, (req, _r, ctx) => {
      const type = ctxType(req.params);
      requireScopes(ctx, schemaScopes(type, 'read'));
      return { results: live(ctx.portal.propertyDefs(type.id)) };
    }),
  );

  app.post(
    base,
    apiRoute(env, (req, reply, ctx) => {
      const type = ctxType(req.params);
      requireScopes(ctx, schemaScopes(type, 'write'));
      const body = parseBody(PropertyCreate, req.body);
      const defs = ctx.portal.propertyDefs(type.id);
      if (defs.get(body.name) && !defs.get(body.name)?.archived)
        throw conflict(`Property ${body.name} already exists`);
      if (!ctx.portal.groupDefs(type.id).has(body.groupName))
        throw validation(`Property group ${body.groupName} does not exist`);
      if (body.type === 'enumeration' && body.options.length === 0)
        throw validation('enumeration properties need options');
      const def: PropertyDefinition = {
        ...body,
        calculated: false,
        externalOptions: false,
        hubspotDefined: false,
        modificationMetadata: { archivable: true, readOnlyDefinition: false, readOnlyValue: false },
        createdAt: now(),
        updatedAt: now(),
        archived: false,
      };
      defs.set(def.name, def);
      return reply.code(201).send(def);
    }),
  );

  app.get(
    `${base}/:name`,
    apiRoute(env, (req, _r, ctx) => {
      const type = ctxType(req.params);
      requireScopes(ctx, schemaScopes(type, 'read'));
      const def = ctx.portal.propertyDefs(type.id).get((req.params as P).name);
      if (!def || def.archived) throw notFound(`Unable to find property ${(req.params as P).name}`);
      return def;
    }),
  );

  app.patch(
    `${base}/:name`,
    apiRoute(env, (req, _r, ctx) => {
      const type = ctxType(req.params);
      requireScopes(ctx, schemaScopes(type, 'write'));
      const def = ctx.portal.propertyDefs(type.id).get((req.params as P).name);
      if (!def || def.archived) throw notFound(`Unable to find property ${(req.params as P).name}`);
      if (def.modificationMetadata.readOnlyDefinition)
        throw validation(`${def.name} is a HubSpot-defined property and cannot be changed`);
      Object.assign(def, parseBody(PropertyUpdate, req.body), { updatedAt: now() });
      return def;
    }),
  );

  app.delete(
    `${base}/:name`,
    apiRoute(env, (req, reply, ctx) => {
      const type = ctxType(req.params);
      requireScopes(ctx, schemaScopes(type, 'write'));
      const def = ctx.portal.propertyDefs(type.id).get((req.params as P).name);
      if (!def || def.archived) throw notFound(`Unable to find property ${(req.params as P).name}`);
      if (!def.modificationMetadata.archivable) throw validation(`${def.name} cannot be archived`);
      def.archived = true;
      return reply.code(204).send();
    }),
  );

  app.get(
    `${base}/groups`,
    apiRoute(env, (req, _r, ctx) => {
      const type = ctxType(req.params);
      requireScopes(ctx, schemaScopes(type, 'read'));
      return { results: [...ctx.portal.groupDefs(type.id).values()].filter((g) => !g.archived) };
    }),
  );

  app.post(
    `${base}/groups`,
    apiRoute(env, (req, reply, ctx) => {
      const type = ctxType(req.params);
      requireScopes(ctx, schemaScopes(type, 'write'));
      const body = parseBody(GroupCreate, req.body);
      const groups = ctx.portal.groupDefs(type.id);
      if (groups.get(body.name) && !groups.get(body.name)?.archived)
        throw conflict(`Group ${body.name} already exists`);
      const group = { ...body, archived: false };
      groups.set(body.name, group);
      return reply.code(201).send(group);
    }),
  );

  app.get(
    `${base}/groups/:name`,
    apiRoute(env, (req, _r, ctx) => {
      const type = ctxType(req.params);
      requireScopes(ctx, schemaScopes(type, 'read'));
      const g = ctx.portal.groupDefs(type.id).get((req.params as P).name);
      if (!g || g.archived) throw notFound(`Unable to find group ${(req.params as P).name}`);
      return g;
    }),
  );
}
