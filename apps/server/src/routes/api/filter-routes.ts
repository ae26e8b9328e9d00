import { updateObjectSettings } from '@ledgersync/db';
import { CUSTOM_FIELD_PREFIX, type FilterField, type InboundFilter } from '@ledgersync/sync-engine';
import { quickbooksAccess } from '../../access/quickbooks-access.ts';
import { standardErrors } from '../../api-contract/common.ts';
import {
  customerSearchQuerySchema,
  customerSearchResponseSchema,
  inboundFiltersInputSchema,
  inboundFiltersResponseSchema,
  objectSettingsSchema,
  recordFilterParamsSchema,
  recordFiltersInputSchema,
} from '../../api-contract/settings.ts';
import type { RouteContext } from '../../deps.ts';
import { portalOf } from '../../http/hubspot-request-auth.ts';
import type { TypedApp } from '../../http/typed-app.ts';
import { invoiceCustomFilterFields } from '../../settings/filter-catalogue.ts';
import {
  acceptInboundFilters,
  acceptRecordFilters,
  inboundFilterChecks,
} from '../../settings/filter-checks.ts';
import { objectView, recommendedInboundFilter } from '../../settings/settings-view.ts';
import { readInboundFilters, readOptions, readRecordFilters } from '../../settings/stored-settings.ts';

const tags = ['settings'];
const security = [{ hubspotSignature: [] }];

/** Inbound invoice filters, contact and product rule filters, and the customer picker (R-FLT-2, R-FLT-5). */
export function filterRoutes(app: TypedApp, ctx: RouteContext): void {
  // QBO is asked for its custom fields only when a filter names one.
  const customFieldsFor = async (
    portalId: string,
    filters: readonly InboundFilter[],
  ): Promise<FilterField[]> => {
    if (!filters.some((f) => f.field.startsWith(CUSTOM_FIELD_PREFIX))) return [];
    const access = await quickbooksAccess(ctx, portalId);
    return invoiceCustomFilterFields(await ctx.quickbooks.company(access.realmId, access.accessToken));
  };

  app.put(
    '/settings/inbound-filters',
    {
      schema: {
        tags,
        security,
        body: inboundFiltersInputSchema,
        response: { 200: inboundFiltersResponseSchema, ...standardErrors },
      },
    },
    async (request) => {
      const portal = portalOf(request);
      const { filters } = request.body;
      const customFields = await customFieldsFor(portal.id, filters);
      const inboundFilters = acceptInboundFilters(filters, customFields);
      const row = await updateObjectSettings(ctx.db, portal.id, 'invoice', () => ({ inboundFilters }));
      const saved = readInboundFilters(row);
      return { inboundFilters: saved, inboundFilterChecks: inboundFilterChecks(saved, customFields) };
    },
  );

  app.put(
    '/settings/objects/:object/filters',
    {
      schema: {
        tags,
        security,
        params: recordFilterParamsSchema,
        body: recordFiltersInputSchema,
        response: { 200: objectSettingsSchema, ...standardErrors },
      },
    },
    async (request) => {
      const { object } = request.params;
      const filters = acceptRecordFilters(object, request.body.filters);
      const row = await updateObjectSettings(ctx.db, portalOf(request).id, object, (current) => ({
        options: { ...readOptions(current), filters },
      }));
      return objectView(object, row);
    },
  );

  // One click adds the page's recommendation; the server stamps "now", so "created after today"
  // means after the moment the filter was added (R-FLT-2).
  app.post(
    '/settings/inbound-filters/recommended',
    { schema: { tags, security, response: { 200: inboundFiltersResponseSchema, ...standardErrors } } },
    async (request) => {
      const row = await updateObjectSettings(ctx.db, portalOf(request).id, 'invoice', (current) => ({
        inboundFilters: [...readInboundFilters(current), recommendedInboundFilter(ctx.now())],
      }));
      const saved = readInboundFilters(row);
      return { inboundFilters: saved, inboundFilterChecks: inboundFilterChecks(saved) };
    },
  );

  /** R-FLT-5: "only contacts that are the billing contact of a synced invoice", once. */
  app.post(
    '/settings/objects/customer/filters/recommended',
    { schema: { tags, security, response: { 200: objectSettingsSchema, ...standardErrors } } },
    async (request) => {
      const row = await updateObjectSettings(ctx.db, portalOf(request).id, 'customer', (current) => {
        const filters = readRecordFilters(current);
        const has = filters.some((f) => f.kind === 'billing_contact_of_synced_invoice');
        return {
          options: {
            ...readOptions(current),
            filters: has ? filters : [...filters, { kind: 'billing_contact_of_synced_invoice' as const }],
          },
        };
      });
      return objectView('customer', row);
    },
  );

  app.get(
    '/settings/quickbooks-customers',
    {
      schema: {
        tags,
        security,
        querystring: customerSearchQuerySchema,
        response: { 200: customerSearchResponseSchema, ...standardErrors },
      },
    },
    async (request) => {
      const access = await quickbooksAccess(ctx, portalOf(request).id);
      const { search } = request.query;
      return { customers: await ctx.quickbooks.searchCustomers(access.realmId, access.accessToken, search) };
    },
  );
}
