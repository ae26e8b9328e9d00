import { signatureV3 } from '@ledgersync/hubspot-emulator';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { TEST_CONFIG } from '../testing/test-server.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** What HubSpot signs and what reaches us; an attack makes the two differ. */
export interface SignedCall {
  method: Method;
  /** Path and query as sent (`portalId` and friends are appended by `hubspotQuery`). */
  url: string;
  body?: string;
  timestampMs: number;
  secret?: string;
  /** Override what was signed (defaults: what is sent). */
  signed?: { method?: string; url?: string; body?: string };
  /** Send no signature headers at all. */
  unsigned?: boolean;
}

/** The query string `hubspot.fetch` adds to every call: user, app and portal. */
export function hubspotQuery(path: string, hubId: bigint | string, userId = '7'): string {
  const sep = path.includes('?') ? '&' : '?';
  return `${path}${sep}userId=${userId}&userEmail=admin%40example.com&appId=${TEST_CONFIG.hubspot.appId}&portalId=${hubId}`;
}

/** Sends one call as HubSpot's proxy would, v3-signed over whatever `signed` says was signed. */
export function sendSigned(app: FastifyInstance, call: SignedCall): Promise<LightMyRequestResponse> {
  const signedMethod = call.signed?.method ?? call.method;
  const signedUrl = call.signed?.url ?? call.url;
  const signedBody = call.signed?.body ?? call.body ?? '';
  const signature = signatureV3(
    call.secret ?? TEST_CONFIG.hubspot.clientSecret,
    signedMethod,
    `${TEST_CONFIG.publicUrl}${signedUrl}`,
    signedBody,
    call.timestampMs,
  );
  return app.inject({
    method: call.method,
    url: call.url,
    headers: {
      ...(call.unsigned
        ? {}
        : { 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': String(call.timestampMs) }),
      ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(call.body === undefined ? {} : { payload: call.body }),
  });
}
