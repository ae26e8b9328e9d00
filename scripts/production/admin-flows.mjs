// What an admin and a sales user do against the running server, over HTTP only: create the
// accounts in the emulators, install the app and connect QuickBooks through the OAuth redirects,
// turn the sync on from the settings page (signed `hubspot.fetch` calls), raise an invoice.
import { createBrowser } from './browser.mjs';

export async function callJson(url, { method, body, headers = {} } = {}) {
  const response = await fetch(url, {
    method: method ?? (body === undefined ? 'GET' : 'POST'),
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method ?? 'POST'} ${url} → ${response.status} ${text.slice(0, 400)}`);
  return text === '' ? null : JSON.parse(text);
}

/**
 * A settings-page or card call as HubSpot's proxy makes it: the HubSpot emulator signs it (v3,
 * with the app's secret) and sends it to the server, so the server's real checks run.
 */
export async function uiCall(urls, hubId, method, path, body) {
  const answer = await callJson(`${urls.hubspot}/_emulator/ui-requests`, {
    body: {
      url: `${urls.server}/api/v1${path}`,
      method,
      portalId: hubId,
      userId: 1,
      ...(body ? { body } : {}),
    },
  });
  if (answer.status < 200 || answer.status >= 300) {
    throw new Error(`${method} /api/v1${path} → ${answer.status} ${String(answer.body).slice(0, 400)}`);
  }
  return answer.body === '' ? null : JSON.parse(answer.body);
}

/** Both OAuth flows through the server's routes, as an admin's browser follows them. */
export async function installAndConnect(urls) {
  const { portalId: hubId } = await callJson(`${urls.hubspot}/_emulator/portals`, {
    body: { tier: 'professional', invoicePrefix: 'INV-', currency: 'USD' },
  });
  const { realmId } = await callJson(`${urls.quickbooks}/_emulator/realms`, {
    body: { companyName: 'Production Proof Co.', country: 'US' },
  });
  const browser = createBrowser();
  // Both callbacks land the admin on the app's settings page in HubSpot.
  const arrived = (url) => url.pathname.startsWith('/integrations-settings/');
  await browser.visit(`${urls.server}/oauth/hubspot/install`, {
    arrived,
    adjust(url) {
      // The consent screen: this portal, approved.
      if (url.origin === urls.hubspot && url.pathname.endsWith('/authorize')) {
        url.searchParams.set('portalId', String(hubId));
        url.searchParams.set('approve', '1');
      }
    },
  });
  const { authorizeUrl } = await uiCall(urls, hubId, 'POST', '/connections/quickbooks');
  await browser.visit(authorizeUrl, {
    arrived,
    adjust(url) {
      // Intuit's consent: the company the admin picks.
      if (url.origin === urls.quickbooks && url.pathname === '/connect/oauth2') {
        url.searchParams.set('realmId', realmId);
      }
    },
  });
  return { hubId, realmId };
}

/** The settings page, in the set-up order it asks for: products and contacts, the income account, invoices. */
export async function turnOnSync(urls, hubId) {
  const put = (path, body) => uiCall(urls, hubId, 'PUT', path, body);
  await put('/settings/objects/product', { enabled: true, direction: 'two_way' });
  await put('/settings/objects/customer', { enabled: true, direction: 'two_way' });
  const { accounts } = await uiCall(urls, hubId, 'GET', '/settings/income-accounts');
  const account = accounts.find((a) => /sales/i.test(a.name)) ?? accounts[0];
  if (account) await put('/settings/custom-line-item-account', { accountId: account.id });
  await put('/settings/objects/invoice', { enabled: true, direction: 'two_way' });
}

/** HubSpot as its users change it (not the app: no rate limit, not counted as the app's calls). */
export function hubspotUser(urls, hubId) {
  const headers = { 'x-emulator-act-as-user': '1', 'x-emulator-portal-id': String(hubId) };
  const ui = `${urls.hubspot}/_emulator/portals/${hubId}/ui/invoices`;
  return {
    create: (type, properties) =>
      callJson(`${urls.hubspot}/crm/v3/objects/${type}`, { body: { properties }, headers }),
    /** Drafts and finalizes an invoice (a finalized invoice is what syncs). */
    async raiseInvoice(contactId, lineItems) {
      const draft = await callJson(ui, { body: { contactId, lineItems } });
      return callJson(`${ui}/${draft.id}/finalize`, { body: {} });
    },
  };
}

/** QBO as the company's bookkeeper reads it. */
export async function quickbooksReader(urls, realmId) {
  const { access_token } = await callJson(`${urls.quickbooks}/_emulator/tokens`, { body: { realmId } });
  const headers = { authorization: `Bearer ${access_token}`, accept: 'application/json' };
  const at = (path) =>
    `${urls.quickbooks}/v3/company/${realmId}${path}${path.includes('?') ? '&' : '?'}minorversion=75`;
  return {
    invoice: async (id) => (await callJson(at(`/invoice/${id}`), { headers })).Invoice,
    count: async (entity) =>
      (
        await callJson(at(`/query?query=${encodeURIComponent(`select count(*) from ${entity}`)}`), {
          headers,
        })
      ).QueryResponse.totalCount,
  };
}
