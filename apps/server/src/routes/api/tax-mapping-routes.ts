import { type Prisma, readSettings, updateObjectSettings } from '@ledgersync/db';
import { quickbooksAccess } from '../../access/quickbooks-access.ts';
import { standardErrors } from '../../api-contract/common.ts';
import {
  taxCodesResponseSchema,
  taxMappingInputSchema,
  taxMappingResponseSchema,
} from '../../api-contract/settings.ts';
import type { RouteContext } from '../../deps.ts';
import { badRequest, conflict } from '../../http/http-error.ts';
import { portalOf } from '../../http/hubspot-request-auth.ts';
import type { TypedApp } from '../../http/typed-app.ts';
import { readOptions } from '../../settings/stored-settings.ts';

const tags = ['settings'];
const security = [{ hubspotSignature: [] }];

/**
 * The tax mapping (R-ERR-5, a LedgerSync extension): HubSpot invoices carry no tax, so a company
 * outside the US gets a QBO tax code on every line, chosen here. Outbound invoice sync to such a
 * company is refused until one is saved (object-sync-service → turn-on-checks).
 */
export function taxMappingRoutes(app: TypedApp, ctx: RouteContext): void {
  app.get(
    '/settings/tax-codes',
    { schema: { tags, security, response: { 200: taxCodesResponseSchema, ...standardErrors } } },
    async (request) => {
      const access = await quickbooksAccess(ctx, portalOf(request).id);
      return { taxCodes: await ctx.quickbooks.listTaxCodes(access.realmId, access.accessToken) };
    },
  );

  app.put(
    '/settings/tax-mapping',
    {
      schema: {
        tags,
        security,
        body: taxMappingInputSchema,
        response: { 200: taxMappingResponseSchema, ...standardErrors },
      },
    },
    async (request) => {
      const portal = portalOf(request);
      const access = await quickbooksAccess(ctx, portal.id);
      const company = await ctx.quickbooks.company(access.realmId, access.accessToken);
      if (company.country === 'US') {
        throw conflict(
          'tax_mapping_not_needed',
          'QuickBooks works out US sales tax itself: a tax mapping is only for companies outside the US.',
        );
      }
      const codes = await ctx.quickbooks.listTaxCodes(access.realmId, access.accessToken);
      const known = new Set(codes.map((c) => c.id));
      const { defaultTaxCodeId, byHubspotProductId } = request.body;
      if (!known.has(defaultTaxCodeId)) {
        throw badRequest(
          'unknown_tax_code',
          `QuickBooks has no active tax code with id ${defaultTaxCodeId} (default tax code)`,
          { field: 'defaultTaxCodeId' },
        );
      }
      for (const [productId, code] of Object.entries(byHubspotProductId)) {
        if (!known.has(code)) {
          throw badRequest(
            'unknown_tax_code',
            `QuickBooks has no active tax code with id ${code} (tax code of product ${productId})`,
            { field: `byHubspotProductId.${productId}` },
          );
        }
      }
      const taxMapping = { defaultTaxCodeId, byHubspotProductId };
      await saveTaxMapping(ctx, portal.id, taxMapping);
      return { taxMapping };
    },
  );

  app.delete(
    '/settings/tax-mapping',
    { schema: { tags, security, response: { 200: taxMappingResponseSchema, ...standardErrors } } },
    async (request) => {
      const portal = portalOf(request);
      const { objects, connection } = await readSettings(ctx.db, portal.id);
      const invoices = objects.find((o) => o.object === 'invoice');
      if (invoices?.enabled && invoices.direction !== 'quickbooks_to_hubspot') {
        if (connection && (connection.country ?? 'US') !== 'US') {
          throw conflict(
            'tax_mapping_in_use',
            'Invoices are syncing to a QuickBooks company outside the US, which needs the tax mapping. Turn off invoice sync to QuickBooks first.',
          );
        }
      }
      await saveTaxMapping(ctx, portal.id, null);
      return { taxMapping: null };
    },
  );
}

async function saveTaxMapping(
  ctx: RouteContext,
  portalId: string,
  taxMapping: { defaultTaxCodeId: string; byHubspotProductId: Record<string, string> } | null,
): Promise<void> {
  // Other settings share the options column: keep them.
  await updateObjectSettings(ctx.db, portalId, 'invoice', (current) => ({
    options: { ...readOptions(current), taxMapping } as Prisma.InputJsonObject,
  }));
}
