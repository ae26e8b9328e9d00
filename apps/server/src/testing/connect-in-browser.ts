import type { FastifyInstance } from 'fastify';

/** One browser's visit to the connect link: Intuit's consent URL it was sent on to, and its cookie. */
export interface ConnectInBrowser {
  /** Intuit's consent page (or the emulator's), carrying the state. */
  readonly consent: URL;
  readonly state: string;
  /** The `Cookie` header this browser sends back to the callback. */
  readonly cookie: string;
}

/**
 * What the admin's browser does with the `authorizeUrl` the settings page opens: it requests our
 * connect link (which binds the state to this browser with a cookie) and follows the redirect
 * towards Intuit. The callback then needs `cookie`.
 */
export async function openConnectLink(app: FastifyInstance, authorizeUrl: string): Promise<ConnectInBrowser> {
  const link = new URL(authorizeUrl);
  const res = await app.inject({ method: 'GET', url: `${link.pathname}${link.search}` });
  const setCookie = [res.headers['set-cookie'] ?? []].flat()[0];
  if (res.statusCode !== 302 || !setCookie) {
    throw new Error(`the connect link answered ${res.statusCode} ${res.body.slice(0, 200)}`);
  }
  const consent = new URL(String(res.headers.location));
  return { consent, state: consent.searchParams.get('state') ?? '', cookie: setCookie.split(';')[0] ?? '' };
}
