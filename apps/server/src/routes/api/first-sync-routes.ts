import { listSyncRuns, readObjectSettings, readSyncRun, type SyncRun } from '@ledgersync/db';
import { sourceSidesOf } from '@ledgersync/jobs';
import type { z } from 'zod';
import { standardErrors } from '../../api-contract/common.ts';
import {
  firstSyncEstimateQuerySchema,
  firstSyncEstimatesSchema,
  firstSyncInputSchema,
  firstSyncRunListSchema,
  firstSyncRunParamsSchema,
  firstSyncRunSchema,
} from '../../api-contract/first-sync.ts';
import type { RouteContext } from '../../deps.ts';
import { conflict, notFound } from '../../http/http-error.ts';
import { portalOf } from '../../http/hubspot-request-auth.ts';
import type { TypedApp } from '../../http/typed-app.ts';
import { estimateFirstSyncs } from '../../settings/first-sync-estimate.ts';

const tags = ['first-sync'];
const security = [{ hubspotSignature: [] }];

function view(run: SyncRun): z.infer<typeof firstSyncRunSchema> {
  const settled = run.done + run.failed;
  return {
    id: run.id,
    object: run.object === 'product' ? 'product' : 'customer',
    sourceSide: run.sourceSide,
    status: run.status,
    total: run.total,
    done: run.done,
    linked: run.linked,
    excluded: run.excluded,
    failed: run.failed,
    percent: run.total > 0 ? Math.min(100, Math.round((settled / run.total) * 1000) / 10) : 0,
    error: run.error,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

/**
 * First sync of existing contacts and products (R-CON-7): the estimate before a rule is turned on,
 * "Sync existing records", the progress of each run and its cancel.
 */
export function firstSyncRoutes(app: TypedApp, ctx: RouteContext): void {
  app.get(
    '/first-syncs/estimate',
    {
      schema: {
        tags,
        security,
        querystring: firstSyncEstimateQuerySchema,
        response: { 200: firstSyncEstimatesSchema, ...standardErrors },
      },
    },
    async (request) => {
      const { object, direction } = request.query;
      return { object, estimates: await estimateFirstSyncs(ctx, portalOf(request), object, direction) };
    },
  );

  app.post(
    '/first-syncs',
    {
      schema: {
        tags,
        security,
        body: firstSyncInputSchema,
        response: { 202: firstSyncRunListSchema, ...standardErrors },
      },
    },
    async (request, reply) => {
      const portalId = portalOf(request).id;
      const { object } = request.body;
      const rule = await readObjectSettings(ctx.db, portalId, object);
      if (!rule?.enabled || rule.direction === 'off')
        throw conflict('sync_off', `Turn on ${object === 'customer' ? 'contact' : 'product'} sync first.`);
      const runs = await ctx.syncControl.startFirstSync(portalId, object, sourceSidesOf(rule.direction));
      return reply.code(202).send({ runs: runs.map(view) });
    },
  );

  app.get(
    '/first-syncs',
    { schema: { tags, security, response: { 200: firstSyncRunListSchema, ...standardErrors } } },
    async (request) => ({ runs: (await listSyncRuns(ctx.db, portalOf(request).id)).map(view) }),
  );

  app.post(
    '/first-syncs/:syncRunId/cancel',
    {
      schema: {
        tags,
        security,
        params: firstSyncRunParamsSchema,
        response: { 200: firstSyncRunSchema, ...standardErrors },
      },
    },
    async (request) => {
      const portalId = portalOf(request).id;
      const { syncRunId } = request.params;
      const run = await readSyncRun(ctx.db, portalId, syncRunId);
      if (!run) throw notFound('The first sync');
      if (!(await ctx.syncControl.cancelFirstSync(portalId, syncRunId)))
        throw conflict('first_sync_not_running', 'This sync of existing records has already ended.');
      const cancelled = await readSyncRun(ctx.db, portalId, syncRunId);
      return view(cancelled ?? run);
    },
  );
}
