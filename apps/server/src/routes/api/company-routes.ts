import { saveObjectSettings } from '@ledgersync/db';
import { quickbooksAccess } from '../../access/quickbooks-access.ts';
import { standardErrors } from '../../api-contract/common.ts';
import {
  customLineItemAccountResponseSchema,
  incomeAccountInputSchema,
  incomeAccountsResponseSchema,
  recommendationsSchema,
} from '../../api-contract/settings.ts';
import type { RouteContext } from '../../deps.ts';
import { badRequest } from '../../http/http-error.ts';
import { portalOf } from '../../http/hubspot-request-auth.ts';
import type { TypedApp } from '../../http/typed-app.ts';

const tags = ['settings'];
const security = [{ hubspotSignature: [] }];

/** The Custom Line Item income account and the QBO recommendations check. */
export function companyRoutes(app: TypedApp, ctx: RouteContext): void {
  app.get(
    '/settings/income-accounts',
    { schema: { tags, security, response: { 200: incomeAccountsResponseSchema, ...standardErrors } } },
    async (request) => {
      const access = await quickbooksAccess(ctx, portalOf(request).id);
      return { accounts: await ctx.quickbooks.listIncomeAccounts(access.realmId, access.accessToken) };
    },
  );

  app.put(
    '/settings/custom-line-item-account',
    {
      schema: {
        tags,
        security,
        body: incomeAccountInputSchema,
        response: { 200: customLineItemAccountResponseSchema, ...standardErrors },
      },
    },
    async (request) => {
      const portal = portalOf(request);
      const access = await quickbooksAccess(ctx, portal.id);
      const accounts = await ctx.quickbooks.listIncomeAccounts(access.realmId, access.accessToken);
      const { accountId } = request.body;
      if (!accounts.some((a) => a.id === accountId)) {
        throw badRequest('unknown_account', `QuickBooks has no active income account with id ${accountId}`);
      }
      await saveObjectSettings(ctx.db, portal.id, [
        { object: 'invoice', patch: { customLineItemIncomeAccountId: accountId } },
      ]);
      return { customLineItemIncomeAccountId: accountId };
    },
  );

  app.get(
    '/settings/recommendations',
    { schema: { tags, security, response: { 200: recommendationsSchema, ...standardErrors } } },
    async (request) => {
      const access = await quickbooksAccess(ctx, portalOf(request).id);
      const company = await ctx.quickbooks.company(access.realmId, access.accessToken);
      return {
        checks: [
          {
            id: 'custom_transaction_numbers' as const,
            label: 'Custom transaction numbers are off',
            ok: !company.customTransactionNumbers,
            warning: company.customTransactionNumbers
              ? 'QuickBooks invoices would take HubSpot numbers with their prefix, and numbers can clash. Turn off custom transaction numbers in QuickBooks.'
              : null,
          },
          {
            id: 'closed_period_locked' as const,
            label: 'Closed accounting periods are locked',
            ok: company.bookCloseDate !== null,
            warning:
              company.bookCloseDate === null
                ? 'No closing date is set in QuickBooks: synced changes could alter closed periods. Set a closing date.'
                : null,
          },
          {
            id: 'revenue_recognition' as const,
            label: 'Revenue recognition is off',
            ok: !company.revenueRecognitionEnabled,
            warning: company.revenueRecognitionEnabled
              ? 'Revenue recognition needs a service date on every line, and HubSpot lines have none: invoices would fail. Turn it off in QuickBooks.'
              : null,
          },
        ],
      };
    },
  );
}
