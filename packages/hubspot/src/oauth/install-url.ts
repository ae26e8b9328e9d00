import { REQUIRED_SCOPE_LIST } from './scopes.ts';

export interface InstallUrlOptions {
  readonly clientId: string;
  readonly redirectUri: string;
  /** Opaque, single-use value checked on the callback (CSRF). */
  readonly state: string;
  readonly scopes?: readonly string[];
  readonly optionalScopes?: readonly string[];
  /** `https://app.hubspot.com` in production; the emulator's URL in tests. */
  readonly appBaseUrl?: string;
}

/** The URL that starts an install: HubSpot shows the consent screen, then redirects with `code`. */
export function buildInstallUrl(options: InstallUrlOptions): string {
  const url = new URL('/oauth/authorize', options.appBaseUrl ?? 'https://app.hubspot.com');
  url.searchParams.set('client_id', options.clientId);
  url.searchParams.set('redirect_uri', options.redirectUri);
  url.searchParams.set('scope', (options.scopes ?? REQUIRED_SCOPE_LIST).join(' '));
  if (options.optionalScopes && options.optionalScopes.length > 0) {
    url.searchParams.set('optional_scope', options.optionalScopes.join(' '));
  }
  url.searchParams.set('state', options.state);
  // HubSpot documents spaces as %20 in `scope`; URLSearchParams writes "+".
  return url.toString().replace(/\+/g, '%20');
}
