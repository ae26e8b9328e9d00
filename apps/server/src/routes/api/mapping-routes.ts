import { randomUUID } from 'node:crypto';
import { type Portal, readObjectSettings, updateObjectSettings } from '@ledgersync/db';
import {
  CUSTOM_FIELD_PREFIX,
  type CustomMapping,
  customFieldFilterField,
  validateCustomMapping,
} from '@ledgersync/sync-engine';
import type { z } from 'zod';
import { standardErrors } from '../../api-contract/common.ts';
import {
  customMappingInputSchema,
  fieldCatalogueSchema,
  mappingParamsSchema,
  mappingsResponseSchema,
} from '../../api-contract/settings.ts';
import type { RouteContext } from '../../deps.ts';
import { badRequest, forbidden, HttpError, notFound } from '../../http/http-error.ts';
import { portalOf } from '../../http/hubspot-request-auth.ts';
import type { TypedApp } from '../../http/typed-app.ts';
import { hubspotInvoiceFields, quickbooksInvoiceFields } from '../../settings/field-catalogue.ts';
import { filterCatalogue } from '../../settings/filter-catalogue.ts';
import { readFieldMappings } from '../../settings/stored-settings.ts';

const tags = ['settings'];
const security = [{ hubspotSignature: [] }];

/** Custom invoice mappings (R-MAP-4, R-MAP-5) and the field catalogue they are chosen from. */
export function mappingRoutes(app: TypedApp, ctx: RouteContext): void {
  app.get(
    '/settings/field-catalogue',
    { schema: { tags, security, response: { 200: fieldCatalogueSchema, ...standardErrors } } },
    async (request) => {
      const portal = portalOf(request);
      const [hubspot, quickbooks] = await Promise.all([
        hubspotInvoiceFields(ctx, portal.id),
        quickbooksInvoiceFields(ctx, portal.id),
      ]);
      const customFields = quickbooks
        .filter((f) => f.custom)
        .map((f) => customFieldFilterField(f.field.slice(CUSTOM_FIELD_PREFIX.length), f.label));
      return { hubspot, quickbooks, filters: filterCatalogue(customFields) };
    },
  );

  const save = async (portalId: string, mutate: (list: CustomMapping[]) => CustomMapping[]) => {
    const row = await updateObjectSettings(ctx.db, portalId, 'invoice', (current) => {
      const stored = readFieldMappings(current);
      return { fieldMappings: { ...stored, customMappings: mutate(stored.customMappings) } };
    });
    return readFieldMappings(row).customMappings;
  };

  /** Types and labels come from the real catalogues, never from the request. */
  const checked = async (portal: Portal, id: string, input: z.infer<typeof customMappingInputSchema>) => {
    const portalId = portal.id;
    const existing = readFieldMappings(await readObjectSettings(ctx.db, portalId, 'invoice')).customMappings;
    const tierCheck = validateCustomMapping({ ...input, id }, portal.planTier, existing);
    if (!tierCheck.ok && tierCheck.error.code === 'tier_required') {
      throw forbidden('tier_required', tierCheck.error.message);
    }
    const [hsFields, qbFields] = await Promise.all([
      hubspotInvoiceFields(ctx, portalId),
      quickbooksInvoiceFields(ctx, portalId),
    ]);
    const hs = hsFields.find((f) => f.name === input.hubspot.property);
    if (!hs || hs.type === 'unsupported') {
      const allowed = hsFields.filter((f) => f.type !== 'unsupported').map((f) => f.name);
      throw badRequest(
        'unknown_field',
        `HubSpot invoice property "${input.hubspot.property}" cannot be mapped; choose one of ${allowed.join(', ')}`,
        { field: input.hubspot.property, allowed },
      );
    }
    if (hs.readOnly && input.direction !== 'hubspot_to_quickbooks') {
      throw badRequest(
        'read_only_field',
        `HubSpot property "${hs.label}" is read-only; map it to QuickBooks only`,
      );
    }
    const qb = qbFields.find((f) => f.field === input.quickbooks.field);
    if (!qb) {
      const allowed = qbFields.map((f) => f.field);
      throw badRequest(
        'unknown_field',
        `QuickBooks invoice field "${input.quickbooks.field}" does not exist; choose one of ${allowed.join(', ')}`,
        { field: input.quickbooks.field, allowed },
      );
    }
    const mapping = {
      ...input,
      id,
      hubspot: { property: hs.name, label: hs.label, type: hs.type },
      quickbooks: { field: qb.field, label: qb.label, type: qb.type, custom: qb.custom },
    };
    const result = validateCustomMapping(mapping, portal.planTier, existing);
    if (!result.ok) throw new HttpError(400, result.error.code, result.error.message, result.error.details);
    return result.mapping;
  };

  app.post(
    '/settings/custom-mappings',
    {
      schema: {
        tags,
        security,
        body: customMappingInputSchema,
        response: { 201: mappingsResponseSchema, ...standardErrors },
      },
    },
    async (request, reply) => {
      const portal = portalOf(request);
      const mapping = await checked(portal, randomUUID(), request.body);
      const customMappings = await save(portal.id, (list) => [...list, mapping]);
      return reply.code(201).send({ customMappings });
    },
  );

  app.put(
    '/settings/custom-mappings/:mappingId',
    {
      schema: {
        tags,
        security,
        params: mappingParamsSchema,
        body: customMappingInputSchema,
        response: { 200: mappingsResponseSchema, ...standardErrors },
      },
    },
    async (request) => {
      const portal = portalOf(request);
      const { mappingId } = request.params;
      const current = readFieldMappings(await readObjectSettings(ctx.db, portal.id, 'invoice'));
      if (!current.customMappings.some((m) => m.id === mappingId)) throw notFound('The mapping');
      const mapping = await checked(portal, mappingId, request.body);
      return {
        customMappings: await save(portal.id, (list) => list.map((m) => (m.id === mappingId ? mapping : m))),
      };
    },
  );

  app.delete(
    '/settings/custom-mappings/:mappingId',
    {
      schema: {
        tags,
        security,
        params: mappingParamsSchema,
        response: { 200: mappingsResponseSchema, ...standardErrors },
      },
    },
    async (request) => {
      const portal = portalOf(request);
      const { mappingId } = request.params;
      let found = false;
      const customMappings = await save(portal.id, (list) => {
        found = list.some((m) => m.id === mappingId);
        return list.filter((m) => m.id !== mappingId);
      });
      if (!found) throw notFound('The mapping');
      return { customMappings };
    },
  );
}
