/** Small JSON helpers for the emulators' APIs; any non-2xx is a seeding bug worth stopping for. */
export async function callJson<T>(
  url: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`${init.method ?? 'POST'} ${url} → ${response.status} ${text.slice(0, 400)}`);
  return (text === '' ? null : JSON.parse(text)) as T;
}

export interface HubSpotObject {
  id: string;
  properties: Record<string, string | null>;
}

/** Calls HubSpot's API as a sales user in the portal (records are made "in the HubSpot UI"). */
export function hubspotAsUser(baseUrl: string, hubId: number, userId = 1) {
  const headers = { 'x-emulator-act-as-user': String(userId), 'x-emulator-portal-id': String(hubId) };
  return {
    api: <T>(path: string, body?: unknown, method?: string) =>
      callJson<T>(`${baseUrl}${path}`, { headers, body, ...(method ? { method } : {}) }),
    control: <T>(path: string, body: unknown = {}, method = 'POST') =>
      callJson<T>(`${baseUrl}/_emulator/portals/${hubId}${path}`, {
        method,
        body: { userId, ...(body as object) },
      }),
  };
}

/** Calls the QBO API as the company's bookkeeper would through QuickBooks itself. */
export async function quickbooksAsUser(baseUrl: string, realmId: string) {
  const { access_token } = await callJson<{ access_token: string }>(`${baseUrl}/_emulator/tokens`, {
    body: { realmId },
  });
  const headers = { authorization: `Bearer ${access_token}`, accept: 'application/json' };
  const at = (path: string) =>
    `${baseUrl}/v3/company/${realmId}${path}${path.includes('?') ? '&' : '?'}minorversion=75`;
  return {
    get: <T>(path: string) => callJson<T>(at(path), { headers }),
    post: <T>(path: string, body: unknown) => callJson<T>(at(path), { headers, body }),
    query: <T>(q: string) =>
      callJson<{ QueryResponse: Record<string, T[] | undefined> }>(
        at(`/query?query=${encodeURIComponent(q)}`),
        {
          headers,
        },
      ),
  };
}
