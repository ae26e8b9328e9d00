import { signUiRequest } from '@ledgersync/hubspot-emulator';

export interface UiCall {
  portalId: number;
  userId: number;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
}

export type SignedUiFetch = (call: UiCall) => Promise<Response>;

/**
 * `hubspot.fetch` as HubSpot's proxy does it: portal and user in the query, v3-signed with the
 * app's client secret, so the server's real signature and replay checks run on every call.
 */
export function createSignedUiFetch(app: { clientSecret: string; appId: number }): SignedUiFetch {
  let last = 0;
  return (call) => {
    // The server refuses a repeated signature as a replay; a strictly rising timestamp avoids two
    // identical calls in one millisecond looking like one.
    last = Math.max(Date.now(), last + 1);
    const signed = signUiRequest({
      clientSecret: app.clientSecret,
      appId: app.appId,
      method: call.method,
      url: call.url,
      body: call.body,
      portalId: call.portalId,
      userId: call.userId,
      userEmail: 'admin@sandbox.example',
      timestamp: last,
    });
    return fetch(signed.url, { method: signed.method, headers: signed.headers, body: signed.body ?? null });
  };
}
