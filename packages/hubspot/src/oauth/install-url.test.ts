import { describe, expect, it } from '@jest/globals';
import { buildInstallUrl } from './install-url.ts';
import { REQUIRED_SCOPE_LIST } from './scopes.ts';

describe('buildInstallUrl', () => {
  it('joins the scopes with %20, as HubSpot documents, never with +', () => {
    const url = buildInstallUrl({
      clientId: 'c',
      redirectUri: 'https://x.example/oauth/hubspot/callback',
      state: 's',
      scopes: ['oauth', 'crm.objects.invoices.read'],
      optionalScopes: ['crm.objects.deals.read', 'crm.objects.deals.write'],
      appBaseUrl: 'https://app.hubspot.test',
    });
    expect(url).toContain('scope=oauth%20crm.objects.invoices.read&');
    expect(url).toContain('optional_scope=crm.objects.deals.read%20crm.objects.deals.write&');
    expect(url).not.toContain('+');
    expect(url.startsWith('https://app.hubspot.test/oauth/authorize?client_id=c&')).toBe(true);
  });

  it('asks for every required scope by default', () => {
    const scope = new URL(
      buildInstallUrl({ clientId: 'c', redirectUri: 'https://x.example/cb', state: 's' }),
    ).searchParams.get('scope');
    expect(scope?.split(' ')).toEqual(REQUIRED_SCOPE_LIST);
  });
});
