import { Alert, Button, Heading, Select, Toggle } from '@hubspot/ui-extensions';
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { SettingsResponse } from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import { type FakeHubSpotFetch, installFakeHubSpotFetch } from '../../../../testing/fake-hubspot-fetch.ts';
import { renderSettings, settingsResponse } from '../../../../testing/settings-fixtures.tsx';
import { fire } from '../../../../testing/text-of.ts';

const byText = (text: string) => (node: { text: string | null }) => node.text === text;
const NOTE = { title: 'Tax for a company outside the US' };

function canadian(taxMapping: SettingsResponse['invoice']['taxMapping'] = null): SettingsResponse {
  const base = settingsResponse();
  return {
    ...base,
    connection: { ...base.connection, country: 'CA' },
    invoice: { ...base.invoice, taxMapping },
  };
}

async function openInvoiceConfiguration(backend: FakeHubSpotFetch, settings: SettingsResponse) {
  const renderer = renderSettings(backend, settings);
  await renderer.waitFor(() => expect(renderer.maybeFind(Button, byText('Edit'))).not.toBeNull());
  renderer.findAll(Button, byText('Edit'))[2]?.trigger('onClick');
  await renderer.waitFor(() => expect(renderer.maybeFind(Toggle, { name: 'field-dueDate' })).not.toBeNull());
  return renderer;
}

describe('Tax mapping (R-ERR-5)', () => {
  let backend: FakeHubSpotFetch;
  beforeEach(() => {
    backend = installFakeHubSpotFetch();
    backend.on('GET', '/api/v1/settings/tax-codes', {
      body: {
        taxCodes: [
          { id: '4', name: 'GST', description: 'GST 5%' },
          { id: '5', name: 'HST ON', description: null },
        ],
      },
    });
  });

  it('chooses the default tax code for a company outside the US; the warning goes once it is set', async () => {
    backend.on('PUT', '/api/v1/settings/tax-mapping', {
      body: { taxMapping: { defaultTaxCodeId: '5', byHubspotProductId: {} } },
    });
    const { find, maybeFind, waitFor } = await openInvoiceConfiguration(backend, canadian());
    expect(maybeFind(Heading, byText('Tax mapping'))).not.toBeNull();
    expect(maybeFind(Alert, NOTE)).not.toBeNull();
    await waitFor(() => expect(maybeFind(Select, { name: 'tax-mapping-default' })).not.toBeNull());
    expect(find(Select, { name: 'tax-mapping-default' }).props.options).toEqual([
      { label: 'GST (GST 5%)', value: '4' },
      { label: 'HST ON', value: '5' },
    ]);
    fire(find(Select, { name: 'tax-mapping-default' }), 'onChange', '5');
    await waitFor(() => expect(find(Select, { name: 'tax-mapping-default' }).props.value).toBe('5'));
    expect(backend.callsTo('PUT', '/api/v1/settings/tax-mapping')[0]?.body).toEqual({
      defaultTaxCodeId: '5',
    });
    expect(maybeFind(Alert, NOTE)).toBeNull();
  });

  it('shows a refused tax code inline, under the field', async () => {
    backend.on('PUT', '/api/v1/settings/tax-mapping', {
      status: 400,
      body: {
        error: 'unknown_tax_code',
        message: 'QuickBooks has no active tax code with id 4 (default tax code)',
      },
    });
    const { find, maybeFind, waitFor } = await openInvoiceConfiguration(backend, canadian());
    await waitFor(() => expect(maybeFind(Select, { name: 'tax-mapping-default' })).not.toBeNull());
    fire(find(Select, { name: 'tax-mapping-default' }), 'onChange', '4');
    await waitFor(() => expect(find(Select, { name: 'tax-mapping-default' }).props.error).toBe(true));
    expect(find(Select, { name: 'tax-mapping-default' }).props.validationMessage).toBe(
      'QuickBooks has no active tax code with id 4 (default tax code)',
    );
    expect(find(Select, { name: 'tax-mapping-default' }).props.value).toBe('');
  });

  it('removes the mapping, and says why when invoices still need it', async () => {
    backend.on('DELETE', '/api/v1/settings/tax-mapping', {
      status: 409,
      body: { error: 'tax_mapping_in_use', message: 'Turn off invoice sync to QuickBooks first.' },
    });
    const mapped = canadian({ defaultTaxCodeId: '4', byHubspotProductId: {} });
    const { find, maybeFind, waitFor } = await openInvoiceConfiguration(backend, mapped);
    await waitFor(() => expect(maybeFind(Select, { name: 'tax-mapping-default' })).not.toBeNull());
    expect(find(Select, { name: 'tax-mapping-default' }).props.value).toBe('4');
    find(Button, byText('Remove tax mapping')).trigger('onClick');
    await waitFor(() =>
      expect(find(Select, { name: 'tax-mapping-default' }).props.validationMessage).toBe(
        'Turn off invoice sync to QuickBooks first.',
      ),
    );
    backend.on('DELETE', '/api/v1/settings/tax-mapping', { body: { taxMapping: null } });
    find(Button, byText('Remove tax mapping')).trigger('onClick');
    await waitFor(() => expect(maybeFind(Button, byText('Remove tax mapping'))).toBeNull());
    expect(find(Select, { name: 'tax-mapping-default' }).props.value).toBe('');
    expect(maybeFind(Alert, NOTE)).not.toBeNull();
  });

  it('has no tax mapping for a US company', async () => {
    const { maybeFind } = await openInvoiceConfiguration(backend, settingsResponse());
    expect(maybeFind(Heading, byText('Tax mapping'))).toBeNull();
    expect(maybeFind(Select, { name: 'tax-mapping-default' })).toBeNull();
    expect(backend.callsTo('GET', '/api/v1/settings/tax-codes')).toHaveLength(0);
  });
});
