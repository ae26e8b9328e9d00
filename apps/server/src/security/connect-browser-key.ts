import { createHash, randomBytes } from 'node:crypto';

// The QBO connect `state` is bound to the browser that opened the connect link: the server sets a
// random nonce as a cookie there and stores only its hash on the state, and the callback must
// bring the same cookie. A state (or Intuit's consent link carrying it) forwarded to another
// browser, or a callback link sent to someone, then fails instead of connecting that someone's
// company to the admin's portal, or the admin's company to someone else's.

const COOKIE = 'ledgersync_qbo_connect';
/** Sent to the connect route and the callback only. */
const COOKIE_PATH = '/oauth/quickbooks';

export interface ConnectBrowserKey {
  /** The id of the state the cookie was set for (the middle part of the state). */
  readonly stateId: string;
  readonly nonce: string;
}

/** What the state row stores: never the nonce itself. */
export const browserKeyHash = (nonce: string): string => createHash('sha256').update(nonce).digest('hex');

export function newConnectBrowserKey(stateId: string): ConnectBrowserKey {
  return { stateId, nonce: randomBytes(32).toString('base64url') };
}

/**
 * The cookie: HttpOnly (no script reads it), SameSite=Lax (Intuit's redirect back is a top-level
 * navigation, which Lax lets through), Secure when the public URL is https, and gone when the
 * state expires.
 */
export function connectCookie(
  key: ConnectBrowserKey,
  options: { secure: boolean; maxAgeSeconds: number },
): string {
  return cookieHeader(`${key.stateId}.${key.nonce}`, options.maxAgeSeconds, options.secure);
}

/** Removes the cookie once the callback has used it. */
export const clearedConnectCookie = (secure: boolean): string => cookieHeader('', 0, secure);

function cookieHeader(value: string, maxAgeSeconds: number, secure: boolean): string {
  const attributes = [`Path=${COOKIE_PATH}`, `Max-Age=${maxAgeSeconds}`, 'HttpOnly', 'SameSite=Lax'];
  if (secure) attributes.push('Secure');
  return [`${COOKIE}=${value}`, ...attributes].join('; ');
}

/** The browser key a request's `Cookie` header carries, if any. */
export function readConnectBrowserKey(cookieHeaderValue: string | undefined): ConnectBrowserKey | null {
  for (const part of (cookieHeaderValue ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name !== COOKIE) continue;
    const match = /^([\w-]{1,64})\.([\w-]{43})$/.exec(rest.join('='));
    if (match) return { stateId: match[1] as string, nonce: match[2] as string };
  }
  return null;
}
