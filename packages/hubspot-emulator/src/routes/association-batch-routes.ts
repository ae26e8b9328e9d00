import type { FastifyInstance } from 'fastify';
import { createLabel, labelView, typesBetween } from '../crm/association-labels.ts';
import { associationById, defaultAssociation } from '../crm/find-object.ts';
import { apiRoute, type RouteEnv } from '../http/api-route.ts';
import { notFound } from '../http/hubspot-error.ts';
import { parseBody } from '../http/parse-body.ts';
import { defaultResult, linksOf, linkTypes, pairView } from './association-routes.ts';
import {
  BatchArchiveLinks,
  BatchCreateLinks,
  BatchDefault,
  BatchReadLinks,
  NewLabel,
  UpdateLabel,
} from './association-schemas.ts';
import { batchError, batchResponse } from './batch-result.ts';

type Params = { fromType: string; toType: string; typeId?: string };
const withIds = (p: Params) => ({ ...p, fromId: '', toId: '' });

/** Batch association endpoints and label definitions (v4); exempt from the burst limit as in HubSpot. */
export function associationBatchRoutes(app: FastifyInstance, env: RouteEnv): void {
  const base = '/crm/v4/associations/:fromType/:toType';
  const clock = () => env.state.clock.now();

  app.post(
    `${base}/batch/associate/default`,
    apiRoute(
      env,
      (req, _reply, ctx) => {
        const [from, to] = linkTypes(ctx, withIds(req.params as Params), 'write');
        const { inputs } = parseBody(BatchDefault, req.body);
        const def = defaultAssociation(ctx.portal, from.id, to.id);
        const started = clock();
        for (const i of inputs) env.state.crm.associate(ctx.portal, def, i.from.id, i.to.id, ctx.source);
        const results = inputs.flatMap((i) => defaultResult(def, i.from.id, i.to.id));
        return batchResponse({ results, errors: [] }, started, clock(), 200).body;
      },
      'exempt',
    ),
  );

  app.post(
    `${base}/batch/create`,
    apiRoute(
      env,
      (req, reply, ctx) => {
        const [from, to] = linkTypes(ctx, withIds(req.params as Params), 'write');
        const { inputs } = parseBody(BatchCreateLinks, req.body);
        const started = clock();
        const outcome = { results: [] as unknown[], errors: [] as Record<string, unknown>[] };
        for (const i of inputs) {
          try {
            for (const t of i.types) {
              const def = associationById(ctx.portal, from.id, t.associationTypeId, to.id);
              env.state.crm.associate(ctx.portal, def, i.from.id, i.to.id, ctx.source);
            }
            outcome.results.push(pairView(ctx.portal, from.id, i.from.id, to.id, i.to.id));
          } catch (err) {
            outcome.errors.push(batchError(err, { fromObjectId: [i.from.id], toObjectId: [i.to.id] }));
          }
        }
        const res = batchResponse(outcome, started, clock(), 201);
        return reply.code(res.status).send(res.body);
      },
      'exempt',
    ),
  );

  app.post(
    `${base}/batch/read`,
    apiRoute(
      env,
      (req, reply, ctx) => {
        const [from, to] = linkTypes(ctx, withIds(req.params as Params), 'read');
        const { inputs } = parseBody(BatchReadLinks, req.body);
        const started = clock();
        const outcome = { results: [] as unknown[], errors: [] as Record<string, unknown>[] };
        for (const i of inputs) {
          if (!ctx.portal.live(from.id, i.id)) {
            outcome.errors.push(
              batchError(notFound(`No ${from.name} with id ${i.id} exists.`), { fromObjectId: [i.id] }),
            );
            continue;
          }
          outcome.results.push({ from: { id: i.id }, to: linksOf(ctx.portal, from.id, i.id, to.id) });
        }
        const res = batchResponse(outcome, started, clock(), 200);
        return reply.code(res.status).send(res.body);
      },
      'exempt',
    ),
  );

  app.post(
    `${base}/batch/archive`,
    apiRoute(
      env,
      (req, reply, ctx) => {
        const [from, to] = linkTypes(ctx, withIds(req.params as Params), 'write');
        const { inputs } = parseBody(BatchArchiveLinks, req.body);
        for (const i of inputs) {
          for (const target of i.to) {
            for (const typeId of ctx.portal.associations.between(from.id, i.from.id, to.id, target.id)) {
              const def = associationById(ctx.portal, from.id, typeId, to.id);
              env.state.crm.unassociate(ctx.portal, def, i.from.id, target.id, ctx.source);
            }
          }
        }
        return reply.code(204).send();
      },
      'exempt',
    ),
  );

  app.post(
    `${base}/batch/labels/archive`,
    apiRoute(
      env,
      (req, reply, ctx) => {
        const [from, to] = linkTypes(ctx, withIds(req.params as Params), 'write');
        const { inputs } = parseBody(BatchCreateLinks, req.body);
        for (const i of inputs) {
          for (const t of i.types) {
            const def = associationById(ctx.portal, from.id, t.associationTypeId, to.id);
            // Removing the unlabelled (default) type removes every label between the pair.
            const ids = def.isDefault
              ? ctx.portal.associations.between(from.id, i.from.id, to.id, i.to.id)
              : [def.typeId];
            for (const id of ids) {
              const d = associationById(ctx.portal, from.id, id, to.id);
              env.state.crm.unassociate(ctx.portal, d, i.from.id, i.to.id, ctx.source);
            }
          }
        }
        return reply.code(204).send();
      },
      'exempt',
    ),
  );

  // The SDK uses /crm/v4/associations/...; HubSpot's docs also show /crm/associations/v4/...
  for (const labels of [`${base}/labels`, '/crm/associations/v4/:fromType/:toType/labels']) {
    app.get(
      labels,
      apiRoute(
        env,
        (req, _reply, ctx) => {
          const [from, to] = linkTypes(ctx, withIds(req.params as Params), 'read');
          return { results: typesBetween(ctx.portal, from.id, to.id).map(labelView) };
        },
        'exempt',
      ),
    );
    app.post(
      labels,
      apiRoute(
        env,
        (req, _reply, ctx) => {
          const [from, to] = linkTypes(ctx, withIds(req.params as Params), 'write');
          const body = parseBody(NewLabel, req.body);
          return {
            results: createLabel(ctx.portal, from.id, to.id, body.label, body.inverseLabel).map(labelView),
          };
        },
        'exempt',
      ),
    );
    app.put(
      labels,
      apiRoute(
        env,
        (req, reply, ctx) => {
          const [from, to] = linkTypes(ctx, withIds(req.params as Params), 'write');
          const body = parseBody(UpdateLabel, req.body);
          const def = associationById(ctx.portal, from.id, body.associationTypeId, to.id);
          def.label = body.label;
          return reply.code(204).send();
        },
        'exempt',
      ),
    );
    app.delete(
      `${labels}/:typeId`,
      apiRoute(
        env,
        (req, reply, ctx) => {
          const p = req.params as Params;
          const [from, to] = linkTypes(ctx, withIds(p), 'write');
          const def = associationById(ctx.portal, from.id, Number(p.typeId), to.id);
          ctx.portal.associationTypes.splice(ctx.portal.associationTypes.indexOf(def), 1);
          return reply.code(204).send();
        },
        'exempt',
      ),
    );
  }
}
