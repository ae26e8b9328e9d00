import { Alert, StatusTag } from '@hubspot/ui-extensions';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { createTestRenderer } from '../../../../testing/create-test-renderer.ts';
import {
  BACKEND_URL,
  type FakeHubSpotFetch,
  installFakeHubSpotFetch,
} from '../../../../testing/fake-hubspot-fetch.ts';
import { invoiceCard } from '../../../../testing/fixtures.ts';
import { textOf } from '../../../../testing/text-of.ts';
import { InvoiceSyncCard } from './InvoiceSyncCard.tsx';

async function renderWith(backend: FakeHubSpotFetch, body: unknown) {
  backend.on('GET', '/api/v1/invoices/123/card', { body });
  const renderer = createTestRenderer('crm.record.tab');
  renderer.mocks.context.variables = { LEDGERSYNC_API_URL: BACKEND_URL };
  renderer.render(<InvoiceSyncCard />);
  await renderer.waitFor(() => expect(renderer.maybeFind(StatusTag)).not.toBeNull());
  return renderer;
}

describe('Integrations sync card: HubSpot access refused (R-ERR-7)', () => {
  let backend: FakeHubSpotFetch;
  beforeEach(() => {
    backend = installFakeHubSpotFetch();
  });

  it('says LedgerSync must be installed again, above the last known sync state', async () => {
    const { find } = await renderWith(backend, invoiceCard({ hubspotConnection: 'needs_reauth' }));
    const notice = find(Alert, { title: 'Install LedgerSync again' });
    expect(textOf(notice)).toContain('sync is paused');
    expect(textOf(notice)).toContain('No change is lost');
  });

  it('shows no such notice while the installation is active', async () => {
    const { maybeFind } = await renderWith(backend, invoiceCard({ hubspotConnection: 'active' }));
    expect(maybeFind(Alert, { title: 'Install LedgerSync again' })).toBeNull();
  });
});
