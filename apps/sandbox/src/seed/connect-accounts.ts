import type { SandboxPlan } from '../orchestrate/sandbox-plan.ts';
import type { SignedUiFetch } from '../orchestrate/signed-ui-fetch.ts';

export interface ConnectedAccounts {
  hubId: number;
  realmId: string;
}

// The bookkeeper's own custom field on sales forms (as set up in QuickBooks' settings), so a
// purchase-order custom mapping can be tried (R-MAP-4).
const PO_NUMBER_FIELD = [
  { Name: 'SalesFormsPrefs.UseSalesCustomName1', Type: 'BooleanType', BooleanValue: true },
  { Name: 'SalesFormsPrefs.SalesCustomName1', Type: 'StringType', StringValue: 'P.O. Number' },
];

async function json<T>(response: Response, what: string): Promise<T> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** Follows one redirect the way a browser would: where it pointed, and the cookie it set (name=value). */
async function visit(
  url: string,
  what: string,
  cookie?: string,
): Promise<{ location: string; cookie: string }> {
  const response = await fetch(url, { redirect: 'manual', ...(cookie ? { headers: { cookie } } : {}) });
  const location = response.headers.get('location');
  if (response.status < 300 || response.status >= 400 || !location) {
    throw new Error(
      `${what}: expected a redirect, got HTTP ${response.status} ${(await response.text()).slice(0, 300)}`,
    );
  }
  return {
    location: new URL(location, url).toString(),
    cookie: response.headers.getSetCookie()[0]?.split(';')[0] ?? '',
  };
}

const redirectOf = async (url: string, what: string, cookie?: string): Promise<string> =>
  (await visit(url, what, cookie)).location;

/**
 * The two OAuth dances an admin does, through the real routes: install the app on a HubSpot portal
 * (approving on the emulator's consent step), then connect a QuickBooks company from the settings
 * page (the emulator approves at once, as a signed-in Intuit user choosing the company would).
 */
export async function connectAccounts(plan: SandboxPlan, uiFetch: SignedUiFetch): Promise<ConnectedAccounts> {
  const post = (url: string, body: unknown) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const { portalId: hubId } = await json<{ portalId: number }>(
    await post(`${plan.urls.hubspot}/_emulator/portals`, {
      tier: 'professional',
      invoicePrefix: 'INV-',
      currency: 'USD',
    }),
    'create HubSpot portal',
  );
  const { realmId } = await json<{ realmId: string }>(
    await post(`${plan.urls.quickbooks}/_emulator/realms`, {
      companyName: 'Northwind Supply Co.',
      country: 'US',
      preferences: { SalesFormsPrefs: { CustomField: [{ CustomField: PO_NUMBER_FIELD }] } },
    }),
    'create QuickBooks company',
  );

  const authorize = new URL(await redirectOf(`${plan.urls.server}/oauth/hubspot/install`, 'HubSpot install'));
  authorize.searchParams.set('portalId', String(hubId));
  authorize.searchParams.set('approve', '1');
  const hubspotCallback = await redirectOf(authorize.toString(), 'HubSpot consent');
  await redirectOf(hubspotCallback, 'HubSpot OAuth callback');

  const start = await json<{ authorizeUrl: string }>(
    await uiFetch({
      portalId: hubId,
      userId: 1,
      method: 'POST',
      url: `${plan.urls.server}/api/v1/connections/quickbooks`,
    }),
    'start QuickBooks connect',
  );
  // The connect link binds the flow to this "browser" with a cookie, which the callback checks.
  const connect = await visit(start.authorizeUrl, 'QuickBooks connect link');
  const consent = new URL(connect.location);
  consent.searchParams.set('realmId', realmId);
  const quickbooksCallback = await redirectOf(consent.toString(), 'QuickBooks consent');
  await redirectOf(quickbooksCallback, 'QuickBooks OAuth callback', connect.cookie);
  return { hubId, realmId };
}
