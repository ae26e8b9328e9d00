import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { resolveObjectType } from '../crm/object-types.ts';
import type { RouteEnv } from '../http/api-route.ts';
import { validation } from '../http/hubspot-error.ts';
import { parseBody } from '../http/parse-body.ts';

const Renumber = z.object({
  fromType: z.string().min(1),
  toType: z.string().min(1),
  typeId: z.number().int().positive(),
  inverseTypeId: z.number().int().positive(),
});

/**
 * Gives a portal's default association type between two object types other ids (both ways), so a
 * test can stand for a HubSpot whose ids differ from the ones the emulator chose: a client that
 * hard-codes ids fails there, one that reads the labels API does not. Meant for a portal without
 * associations of that type yet.
 */
export function associationTypeRoutes(app: FastifyInstance, env: RouteEnv): void {
  app.post('/_emulator/portals/:portalId/association-types', async (req, reply) => {
    const portal = env.state.portal(Number((req.params as { portalId: string }).portalId));
    const body = parseBody(Renumber, req.body);
    const from = resolveObjectType(body.fromType).id;
    const to = resolveObjectType(body.toType).id;
    const forward = portal.associationTypes.find(
      (d) => d.fromTypeId === from && d.toTypeId === to && d.isDefault,
    );
    const backward = portal.associationTypes.find(
      (d) => d.fromTypeId === to && d.toTypeId === from && d.isDefault,
    );
    if (!forward || !backward) {
      throw validation(`No default association type between ${body.fromType} and ${body.toType}.`);
    }
    const taken = portal.associationTypes.filter((d) => d !== forward && d !== backward).map((d) => d.typeId);
    if (taken.includes(body.typeId) || taken.includes(body.inverseTypeId)) {
      throw validation(`Association type id ${body.typeId} or ${body.inverseTypeId} is already in use.`);
    }
    Object.assign(forward, { typeId: body.typeId, inverseTypeId: body.inverseTypeId });
    Object.assign(backward, { typeId: body.inverseTypeId, inverseTypeId: body.typeId });
    return reply.code(204).send();
  });
}
