import { readSettings, updateObjectSettings } from '@ledgersync/db';
import { DEFAULT_FIELD_MAPPINGS } from '@ledgersync/sync-engine';
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
import { changeObjectSync } from '../../settings/object-sync-service.ts';
import { objectView, settingsView } from '../../settings/settings-view.ts';
import { OBJECT_NOUN, readFieldMappings } from '../../settings/stored-settings.ts';

const tags = ['settings'];
const security = [{ hubspotSignature: [] }];

/** The settings page: read everything, edit / turn on / turn off an object, toggle default fields. */
export function settingsRoutes(app: TypedApp, ctx: RouteContext): void {
  app.get(
    '/settings',
    { schema: { tags, security, response: { 200: settingsResponseSchema, ...standardErrors } } },
    async (request) => {
      const portal = portalOf(request);
      return settingsView(portal, await readSettings(ctx.db, portal.id), ctx.now());
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
      const { object } = request.params;
      const row = await changeObjectSync(ctx, portalOf(request).id, object, request.body);
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
      const { object } = request.params;
      const mappings = DEFAULT_FIELD_MAPPINGS[object];
      for (const key of request.body.disabledFields) {
        const field = mappings.find((m) => m.key === key);
        if (!field)
          throw badRequest('unknown_field', `"${key}" is not a default ${OBJECT_NOUN[object]} mapping`);
        if (!field.canDisable) {
          throw badRequest('field_required', `"${field.label}" cannot be switched off: the sync needs it`);
        }
      }
      const disabledFields = [...new Set(request.body.disabledFields)];
      const row = await updateObjectSettings(ctx.db, portalOf(request).id, object, (current) => ({
        fieldMappings: { ...readFieldMappings(current), disabledFields },
      }));
      return objectView(object, row);
    },
  );
}
