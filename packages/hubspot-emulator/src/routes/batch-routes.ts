import type { FastifyInstance } from 'fastify';
import { objectScopes } from '../auth/required-scopes.ts';
import { findByIdOrProperty } from '../crm/find-object.ts';
import { type ObjectType, resolveObjectType } from '../crm/object-types.ts';
import { requireScopes } from '../http/api-context.ts';
import { apiRoute, type RouteEnv } from '../http/api-route.ts';
import { HubSpotError, notFound } from '../http/hubspot-error.ts';
import { parseBody } from '../http/parse-body.ts';
import { serializeObject } from '../http/serialize-object.ts';
import { toNewAssociations } from './association-inputs.ts';
import { type BatchOutcome, batchError, batchResponse } from './batch-result.ts';
import { BatchArchive, BatchCreate, BatchRead, BatchUpdate, BatchUpsert } from './object-schemas.ts';

type Params = { objectType: string };

/**
 * Partial success needs a unique `objectWriteTraceId` on every input (as HubSpot documents);
 * otherwise the first failure fails the whole batch.
 */
function allTraced(inputs: Array<{ objectWriteTraceId?: string | undefined }>): boolean {
  const ids = inputs.map((i) => i.objectWriteTraceId);
  return ids.every((id) => id !== undefined) && new Set(ids).size === ids.length;
}

export function batchRoutes(app: FastifyInstance, env: RouteEnv, prefix = '/crm/v3/objects'): void {
  const base = `${prefix}/:objectType/batch`;
  const typeOf = (p: unknown): ObjectType => resolveObjectType((p as Params).objectType);

  app.post(
    `${base}/read`,
    apiRoute(env, (req, reply, ctx) => {
      const type = typeOf(req.params);
      requireScopes(ctx, objectScopes(type, 'read'));
      const body = parseBody(BatchRead, req.body);
      const started = env.state.clock.now();
      const outcome: BatchOutcome<unknown> = { results: [], errors: [] };
      const missing: string[] = [];
      for (const { id } of body.inputs) {
        const obj = findByIdOrProperty(ctx.portal, type.id, id, body.idProperty);
        if (!obj) missing.push(id);
        else outcome.results.push(serializeObject(ctx.portal, obj, body));
      }
      if (missing.length > 0) {
        const message = `Could not get some ${type.singular.toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`;
        outcome.errors.push(batchError(notFound(message), { ids: missing }));
      }
      const res = batchResponse(outcome, started, env.state.clock.now(), 200);
      return reply.code(res.status).send(res.body);
    }),
  );

  app.post(
    `${base}/create`,
    apiRoute(env, (req, reply, ctx) => {
      const type = typeOf(req.params);
      requireScopes(ctx, objectScopes(type, 'write'));
      const { inputs } = parseBody(BatchCreate, req.body);
      const started = env.state.clock.now();
      const traced = allTraced(inputs);
      const links = inputs.map((i) => toNewAssociations(ctx.portal, type.id, i.associations));
      const failures = new Map<number, unknown>();
      inputs.forEach((input, i) => {
        try {
          env.state.crm.checkCreate(ctx.portal, type.id, input.properties, ctx.source, links[i]);
        } catch (err) {
          if (!traced || !(err instanceof HubSpotError)) throw err;
          failures.set(i, err);
        }
      });
      const outcome: BatchOutcome<unknown> = { results: [], errors: [] };
      inputs.forEach((input, i) => {
        const failure = failures.get(i);
        if (failure) {
          outcome.errors.push(batchError(failure, { objectWriteTraceId: [input.objectWriteTraceId ?? ''] }));
          return;
        }
        const obj = env.state.crm.create(ctx.portal, type.id, input.properties, ctx.source, links[i]);
        const props = { properties: 'all' as const };
        outcome.results.push({
          ...serializeObject(ctx.portal, obj, props),
          ...(input.objectWriteTraceId ? { objectWriteTraceId: input.objectWriteTraceId } : {}),
        });
      });
      const res = batchResponse(outcome, started, env.state.clock.now(), 201);
      return reply.code(res.status).send(res.body);
    }),
  );

  app.post(
    `${base}/update`,
    apiRoute(env, (req, reply, ctx) => {
      const type = typeOf(req.params);
      requireScopes(ctx, objectScopes(type, 'write'));
      const { inputs } = parseBody(BatchUpdate, req.body);
      const started = env.state.clock.now();
      const traced = allTraced(inputs);
      const outcome: BatchOutcome<unknown> = { results: [], errors: [] };
      const missing: string[] = [];
      for (const input of inputs) {
        const obj = findByIdOrProperty(ctx.portal, type.id, input.id, input.idProperty);
        if (!obj) {
          missing.push(input.id);
          continue;
        }
        try {
          env.state.crm.update(ctx.portal, obj, input.properties, ctx.source);
          outcome.results.push(serializeObject(ctx.portal, obj, { properties: 'all' as const }));
        } catch (err) {
          if (!traced) throw err;
          outcome.errors.push(batchError(err, { objectWriteTraceId: [input.objectWriteTraceId ?? ''] }));
        }
      }
      if (missing.length > 0) {
        outcome.errors.push(
          batchError(notFound('Object not found.  objectId are usually numeric.'), { ids: missing }),
        );
      }
      const res = batchResponse(outcome, started, env.state.clock.now(), 200);
      return reply.code(res.status).send(res.body);
    }),
  );

  app.post(
    `${base}/upsert`,
    apiRoute(env, (req, reply, ctx) => {
      const type = typeOf(req.params);
      requireScopes(ctx, objectScopes(type, 'write'));
      const { inputs } = parseBody(BatchUpsert, req.body);
      const started = env.state.clock.now();
      const traced = allTraced(inputs);
      const outcome: BatchOutcome<unknown> = { results: [], errors: [] };
      for (const input of inputs) {
        try {
          const existing = findByIdOrProperty(ctx.portal, type.id, input.id, input.idProperty);
          const obj = existing
            ? env.state.crm.update(ctx.portal, existing, input.properties, ctx.source)
            : env.state.crm.create(
                ctx.portal,
                type.id,
                { ...input.properties, [input.idProperty]: input.id },
                ctx.source,
              );
          const props = { properties: 'all' as const };
          outcome.results.push({ ...serializeObject(ctx.portal, obj, props), new: !existing });
        } catch (err) {
          if (!traced) throw err;
          outcome.errors.push(batchError(err, { objectWriteTraceId: [input.objectWriteTraceId ?? ''] }));
        }
      }
      const res = batchResponse(outcome, started, env.state.clock.now(), 200);
      return reply.code(res.status).send(res.body);
    }),
  );

  app.post(
    `${base}/archive`,
    apiRoute(env, (req, reply, ctx) => {
      const type = typeOf(req.params);
      requireScopes(ctx, objectScopes(type, 'write'));
      const { inputs } = parseBody(BatchArchive, req.body);
      for (const { id } of inputs) {
        const obj = ctx.portal.live(type.id, id);
        if (obj) env.state.crm.archive(ctx.portal, obj, ctx.source);
      }
      return reply.code(204).send();
    }),
  );
}
