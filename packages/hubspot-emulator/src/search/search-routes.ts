import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { objectScopes } from '../auth/required-scopes.ts';
import { resolveObjectType } from '../crm/object-types.ts';
import { requireScopes } from '../http/api-context.ts';
import { apiRoute, type RouteEnv } from '../http/api-route.ts';
import { validation } from '../http/hubspot-error.ts';
import { parseBody } from '../http/parse-body.ts';
import { serializeObject } from '../http/serialize-object.ts';
import { comparable, matchFilter, OPERATORS } from './match-filter.ts';

const Scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const FilterSchema = z.object({
  propertyName: z.string(),
  operator: z.enum(OPERATORS),
  value: Scalar.optional(),
  values: z.array(Scalar).optional(),
  highValue: Scalar.optional(),
});
const Sort = z.union([
  z.string(),
  z.object({ propertyName: z.string(), direction: z.enum(['ASCENDING', 'DESCENDING']).optional() }),
]);
const SearchBody = z.object({
  filterGroups: z.array(z.object({ filters: z.array(FilterSchema) })).optional(),
  sorts: z.array(Sort).optional(),
  properties: z.array(z.string()).optional(),
  limit: z.number().int().min(0).max(200).optional(),
  after: z.union([z.string(), z.number()]).transform(String).optional(),
  query: z.string().max(3000).optional(),
});

const RESULT_CAP = 10_000;

export function searchRoutes(app: FastifyInstance, env: RouteEnv, prefix = '/crm/v3/objects'): void {
  app.post(
    `${prefix}/:objectType/search`,
    apiRoute(
      env,
      (req, _reply, ctx) => {
        const type = resolveObjectType((req.params as { objectType: string }).objectType);
        requireScopes(ctx, objectScopes(type, 'read'));
        const body = parseBody(SearchBody, req.body ?? {});
        const groups = body.filterGroups ?? [];
        const filterCount = groups.reduce((n, g) => n + g.filters.length, 0);
        if (groups.length > 5 || groups.some((g) => g.filters.length > 10) || filterCount > 25) {
          throw validation('Too many filters: at most 5 filterGroups, 10 filters per group and 25 in total.');
        }
        const defs = ctx.portal.propertyDefs(type.id);
        const query = body.query?.toLowerCase();
        let hits = [...ctx.portal.store(type.id).values()].filter(
          (o) =>
            !o.archived &&
            (groups.length === 0 ||
              groups.some((g) => g.filters.every((f) => matchFilter(o, defs.get(f.propertyName), f)))) &&
            (!query || Object.values(o.properties).some((v) => v.toLowerCase().includes(query))),
        );
        // HubSpot honours one sort only; the string form "-prop" means descending.
        const first = body.sorts?.[0];
        const sort =
          typeof first === 'string'
            ? {
                propertyName: first.replace(/^-/, ''),
                direction: first.startsWith('-') ? 'DESCENDING' : 'ASCENDING',
              }
            : first;
        hits.sort((a, b) => Number(a.id) - Number(b.id));
        if (sort) {
          const def = defs.get(sort.propertyName);
          const key = (o: (typeof hits)[number]) => comparable(def, o.properties[sort.propertyName] ?? '');
          const sign = sort.direction === 'DESCENDING' ? -1 : 1;
          hits = hits.sort((a, b) => {
            const x = key(a);
            const y = key(b);
            return (x < y ? -1 : x > y ? 1 : 0) * sign;
          });
        }
        const offset = Number(body.after ?? 0);
        const limit = body.limit ?? 10;
        if (!Number.isInteger(offset) || offset < 0) throw validation(`Invalid after value: ${body.after}`);
        if (offset + limit > RESULT_CAP) {
          throw validation(
            `Search results are limited to ${RESULT_CAP}; narrow the query instead of paging further.`,
          );
        }
        const page = hits.slice(offset, offset + limit);
        const next = offset + limit;
        return {
          total: hits.length,
          results: page.map((o) => serializeObject(ctx.portal, o, { properties: body.properties })),
          ...(next < hits.length && next < RESULT_CAP ? { paging: { next: { after: String(next) } } } : {}),
        };
      },
      'search',
    ),
  );
}
