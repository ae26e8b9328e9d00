import { Alert, Button, Input, List, Select } from '@hubspot/ui-extensions';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { type FakeHubSpotFetch, installFakeHubSpotFetch } from '../../../../testing/fake-hubspot-fetch.ts';
import { objectSettings, renderSettings, settingsResponse } from '../../../../testing/settings-fixtures.tsx';
import { fire, textOf } from '../../../../testing/text-of.ts';

const byText = (text: string) => (node: { text: string | null }) => node.text === text;
const valuesOf = (node: { props: { options?: unknown } }) =>
  ((node.props.options ?? []) as { value: unknown }[]).map((o) => o.value);

async function openContacts(backend: FakeHubSpotFetch) {
  const renderer = renderSettings(backend, settingsResponse());
  await renderer.waitFor(() => expect(renderer.maybeFind(Button, byText('Edit'))).not.toBeNull());
  renderer.findAll(Button, byText('Edit'))[1]?.trigger('onClick');
  await renderer.waitFor(() => expect(renderer.maybeFind(Button, byText('Add a filter'))).not.toBeNull());
  return renderer;
}

describe('Contact and product rule filter pickers (R-FLT-5)', () => {
  let backend: FakeHubSpotFetch;
  beforeEach(() => {
    backend = installFakeHubSpotFetch();
  });

  it('recommends "only billing contacts of synced invoices" in one click', async () => {
    const billing = { kind: 'billing_contact_of_synced_invoice' as const };
    backend.on('POST', '/api/v1/settings/objects/customer/filters/recommended', {
      body: objectSettings('customer', {
        filters: [billing],
        filterChecks: [
          {
            index: 0,
            description: 'Only contacts that are the billing contact of a synced invoice',
            problem: null,
            fix: null,
          },
        ],
      }),
    });
    const { find, maybeFind, waitFor } = await openContacts(backend);
    find(Alert, { title: 'Recommended' }).find(Button).trigger('onClick');
    await waitFor(() => expect(maybeFind(List, { testId: 'customer-filters' })).not.toBeNull());
    expect(textOf(find(List, { testId: 'customer-filters' }))).toContain(
      'billing contact of a synced invoice',
    );
    expect(maybeFind(Alert, { title: 'Recommended' })).toBeNull();
  });

  it('filters HubSpot contacts on a property picked from the list, and QuickBooks customers on their fields', async () => {
    backend.on('PUT', '/api/v1/settings/objects/customer/filters', (call) => ({
      body: objectSettings('customer', { filters: (call.body as { filters: never[] }).filters }),
    }));
    const { find, maybeFind, waitFor } = await openContacts(backend);
    find(Button, byText('Add a filter')).trigger('onClick');
    await waitFor(() => expect(maybeFind(Select, { name: 'rule-filter-field' })).not.toBeNull());
    expect(valuesOf(find(Select, { name: 'rule-filter-field' }))).toEqual(['email']);
    fire(find(Select, { name: 'rule-filter-side' }), 'onChange', 'quickbooks');
    await waitFor(() => expect(valuesOf(find(Select, { name: 'rule-filter-field' }))).toEqual(['active']));
    fire(find(Select, { name: 'rule-filter-side' }), 'onChange', 'hubspot');
    fire(find(Select, { name: 'rule-filter-field' }), 'onChange', 'email');
    await waitFor(() => expect(maybeFind(Select, { name: 'rule-filter-operator' })).not.toBeNull());
    fire(find(Select, { name: 'rule-filter-operator' }), 'onChange', 'contains');
    await waitFor(() => expect(maybeFind(Input, { name: 'rule-filter-value' })).not.toBeNull());
    fire(find(Input, { name: 'rule-filter-value' }), 'onChange', '@client.com');
    await waitFor(() => expect(find(Button, byText('Add filter')).props.disabled).toBe(false));
    find(Button, byText('Add filter')).trigger('onClick');
    await waitFor(() =>
      expect(backend.callsTo('PUT', '/api/v1/settings/objects/customer/filters')).toHaveLength(1),
    );
    expect(backend.callsTo('PUT', '/api/v1/settings/objects/customer/filters')[0]?.body).toEqual({
      filters: [
        { kind: 'property', side: 'hubspot', field: 'email', operator: 'contains', value: '@client.com' },
      ],
    });
  });
});
