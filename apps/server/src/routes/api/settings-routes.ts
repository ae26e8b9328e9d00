import type { Prisma, SyncObject } from '@ledgersync/db';
import { DEFAULT_FIELD_MAPPINGS } from '@ledgersync/sync-engine';
import { quickbooksAccess } from '../../access/quickbooks-access.ts';
import { standardErrors } from '../../api-contract/common.ts';
import {
  objectParamsSchema,
  objectSettingsSchema,
  settingsResponseSchema,
  updateFieldsSchema,
  updateObjectSettingsSchema,
} from '../../api-contract/settings.ts';
import type { RouteContext } from '../../deps.ts';
import { badRequest } from '../../http/http-error.ts';
import { portalOf } from '../../http/hubspot-request-auth.ts';
import type { TypedApp } from '../../http/typed-app.ts';
import { objectView, settingsView } from '../../settings/settings-view.ts';
import { ENGINE_OBJECT, readFieldMappings, readTaxMapping } from '../../settings/stored-settings.ts';
import { assertCanTurnOn } from '../../settings/turn-on-checks.ts';

const tags = ['settings'];
const security = [{ hubspotSignature: [] }];

/** The settings page: read everything, edit / turn on / turn off an object, toggle default fields. */
export function settingsRoutes(app: TypedApp, ctx: RouteContext): void {
  app.get(
    '/settings',
    { schema: { tags, security, response: { 200: settingsResponseSchema, ...standardErrors } } },
    async (request) => {
      const portal = portalOf(request);
      const [connection, rows, installation] = await Promise.all([
        ctx.db.quickBooksConnection.findUnique({ where: { portalId: portal.id } }),
        ctx.db.syncSettings.findMany({ where: { portalId: portal.id } }),
        ctx.db.hubSpotInstallation.findUnique({ where: { portalId: portal.id }, select: { status: true } }),
      ]);
      return settingsView(portal, connection, rows, ctx.now(), installation?.status);
    },
  );

  app.put(
    '/settings/objects/:object',
    {
      schema: {
        tags,
        security,
        params: objectParamsSchema,
        body: updateObjectSettingsSchema,
        response: { 200: objectSettingsSchema, ...standardErrors },
      },
    },
    async (request) => {
      const portal = portalOf(request);
      const { object } = request.params;
      const body = request.body;
      const where = { portalId_object: { portalId: portal.id, object } };
      const current = await ctx.db.syncSettings.findUnique({ where });
      const direction =
        body.direction ?? (current?.direction === 'off' || !current ? 'two_way' : current.direction);
      const turningOn = body.enabled === true && !current?.enabled;
      const enabled = body.enabled ?? current?.enabled ?? false;
      if (enabled) {
        // Editing a running sync re-checks too: a new direction may need what the old one did not.
        const access = await quickbooksAccess(ctx, portal.id);
        await assertCanTurnOn(
          ctx.db,
          portal.id,
          object,
          direction,
          async () => ctx.quickbooks.company(access.realmId, access.accessToken),
          current?.customLineItemIncomeAccountId ?? null,
          readTaxMapping(current),
        );
      }
      const patch = {
        direction,
        enabled,
        ...(body.conflictResolution ? { conflictResolution: body.conflictResolution } : {}),
        // R-FLT-1: "after the moment the sync was turned on" is fixed at the first turn-on.
        ...(turningOn && !current?.syncStartedAt ? { syncStartedAt: ctx.now() } : {}),
      };
      const row = await ctx.db.$transaction(async (tx) => {
        const saved = await tx.syncSettings.upsert({
          where,
          create: { portalId: portal.id, object, ...patch },
          update: patch,
        });
        if (object === 'invoices')
          await followPayments(tx, portal.id, saved.enabled, saved.direction, ctx.now());
        return saved;
      });
      if (current?.enabled !== row.enabled)
        await ctx.syncControl.setObjectEnabled(portal.id, object, row.enabled);
      return objectView(object, row);
    },
  );

  app.put(
    '/settings/objects/:object/fields',
    {
      schema: {
        tags,
        security,
        params: objectParamsSchema,
        body: updateFieldsSchema,
        response: { 200: objectSettingsSchema, ...standardErrors },
      },
    },
    async (request) => {
      const portal = portalOf(request);
      const { object } = request.params;
      const mappings = DEFAULT_FIELD_MAPPINGS[ENGINE_OBJECT[object]];
      for (const key of request.body.disabledFields) {
        const field = mappings.find((m) => m.key === key);
        if (!field) throw badRequest('unknown_field', `"${key}" is not a default ${object} mapping`);
        if (!field.canDisable) {
          throw badRequest('field_required', `"${field.label}" cannot be switched off: the sync needs it`);
        }
      }
      const where = { portalId_object: { portalId: portal.id, object } };
      const current = await ctx.db.syncSettings.findUnique({ where });
      const fieldMappings = {
        ...readFieldMappings(current),
        disabledFields: [...new Set(request.body.disabledFields)],
      };
      const row = await ctx.db.syncSettings.upsert({
        where,
        create: { portalId: portal.id, object, fieldMappings },
        update: { fieldMappings },
      });
      return objectView(object, row);
    },
  );
}

/** R-OBJ-4: payments follow invoices when invoice sync sends to QBO; inbound-only leaves them off. */
async function followPayments(
  tx: Prisma.TransactionClient,
  portalId: string,
  invoicesEnabled: boolean,
  direction: string,
  now: Date,
): Promise<void> {
  const on = invoicesEnabled && direction !== 'quickbooks_to_hubspot';
  const object: SyncObject = 'payments';
  await tx.syncSettings.upsert({
    where: { portalId_object: { portalId, object } },
    create: {
      portalId,
      object,
      enabled: on,
      direction: on ? 'two_way' : 'off',
      ...(on ? { syncStartedAt: now } : {}),
    },
    update: { enabled: on, ...(on ? { direction: 'two_way' } : {}) },
  });
}
