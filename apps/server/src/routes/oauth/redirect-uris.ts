import type { RouteContext } from '../../deps.ts';

export const hubspotRedirectUri = (ctx: RouteContext) => `${ctx.config.publicUrl}/oauth/hubspot/callback`;
export const quickbooksRedirectUri = (ctx: RouteContext) =>
  `${ctx.config.publicUrl}/oauth/quickbooks/callback`;
