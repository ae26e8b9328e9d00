import { signatureV2, signatureV3 } from './signatures.ts';

export interface UiRequestInput {
  clientSecret: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The app backend URL the card calls with `hubspot.fetch`. */
  url: string;
  body?: unknown;
  portalId: number;
  userId: number;
  userEmail?: string;
  appId?: number;
  timestamp: number;
}

export interface SignedUiRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * Signs a request the way HubSpot proxies `hubspot.fetch`: account and user metadata appended as
 * query parameters, then v3 (and v2) signatures over the final URL.
 */
export function signUiRequest(input: UiRequestInput): SignedUiRequest {
  const url = new URL(input.url);
  url.searchParams.set('userId', String(input.userId));
  url.searchParams.set('portalId', String(input.portalId));
  if (input.userEmail !== undefined) url.searchParams.set('userEmail', input.userEmail);
  if (input.appId !== undefined) url.searchParams.set('appId', String(input.appId));
  const body = input.body === undefined ? '' : JSON.stringify(input.body);
  const uri = url.toString();
  const headers: Record<string, string> = {
    'x-hubspot-signature-v3': signatureV3(input.clientSecret, input.method, uri, body, input.timestamp),
    'x-hubspot-request-timestamp': String(input.timestamp),
    'x-hubspot-signature': signatureV2(input.clientSecret, input.method, uri, body),
    'x-hubspot-signature-version': 'v2',
  };
  if (body !== '') headers['content-type'] = 'application/json';
  return { method: input.method, url: uri, headers, ...(body === '' ? {} : { body }) };
}
