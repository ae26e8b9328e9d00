import {
  Alert,
  Button,
  DateInput,
  Input,
  List,
  MultiSelect,
  NumberInput,
  Select,
} from '@hubspot/ui-extensions';
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { SettingsResponse } from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import { type FakeHubSpotFetch, installFakeHubSpotFetch } from '../../../../testing/fake-hubspot-fetch.ts';
import { renderSettings, settingsResponse } from '../../../../testing/settings-fixtures.tsx';
import { fire, textOf } from '../../../../testing/text-of.ts';

const byText = (text: string) => (node: { text: string | null }) => node.text === text;
const valuesOf = (node: { props: { options?: unknown } }) =>
  ((node.props.options ?? []) as { value: unknown }[]).map((o) => o.value);

async function openInvoiceFilters(
  backend: FakeHubSpotFetch,
  settings: SettingsResponse = settingsResponse(),
) {
  const renderer = renderSettings(backend, settings);
  await renderer.waitFor(() => expect(renderer.maybeFind(Button, byText('Edit'))).not.toBeNull());
  renderer.findAll(Button, byText('Edit'))[2]?.trigger('onClick');
  await renderer.waitFor(() => expect(renderer.maybeFind(Button, byText('Add a filter'))).not.toBeNull());
  return renderer;
}

const echo = (call: { body: unknown }) => {
  const filters = (call.body as { filters: unknown[] }).filters;
  return {
    body: {
      inboundFilters: filters,
      inboundFilterChecks: filters.map((_, index) => ({
        index,
        description: `filter ${index}`,
        problem: null,
        fix: null,
      })),
    },
  };
};

describe('Inbound invoice filter pickers (R-FLT-2)', () => {
  let backend: FakeHubSpotFetch;
  beforeEach(() => {
    backend = installFakeHubSpotFetch();
  });

  it('adds the recommended filter through the server, which stamps the moment it is added', async () => {
    backend.on('POST', '/api/v1/settings/inbound-filters/recommended', {
      body: {
        inboundFilters: [
          { kind: 'primary', field: 'createdAt', operator: 'gt', value: '2026-03-01T09:00:00.000Z' },
        ],
        inboundFilterChecks: [
          { index: 0, description: 'Created date is after 1 Mar 2026, 09:00 UTC', problem: null, fix: null },
        ],
      },
    });
    const { find, maybeFind, waitFor } = await openInvoiceFilters(backend);
    const alert = find(Alert, { title: 'Recommended: only new invoices' });
    expect(textOf(alert)).toContain('Only invoices created in QuickBooks after this filter is added');
    alert.find(Button, byText('Add this filter')).trigger('onClick');
    await waitFor(() => expect(maybeFind(List, { testId: 'inbound-filters' })).not.toBeNull());
    expect(backend.callsTo('POST', '/api/v1/settings/inbound-filters/recommended')).toHaveLength(1);
    expect(textOf(find(List, { testId: 'inbound-filters' }))).toContain(
      'Created date is after 1 Mar 2026, 09:00 UTC',
    );
  });

  it('picks the field from the catalogue, offers only operators of its type and a number input for an amount', async () => {
    backend.on('PUT', '/api/v1/settings/inbound-filters', echo);
    const { find, maybeFind, waitFor } = await openInvoiceFilters(backend);
    find(Button, byText('Add a filter')).trigger('onClick');
    await waitFor(() => expect(maybeFind(Select, { name: 'filter-field' })).not.toBeNull());
    // Never free text for a field name.
    expect(maybeFind(Input, { name: 'filter-field' })).toBeNull();
    expect(valuesOf(find(Select, { name: 'filter-field' }))).toEqual([
      'createdAt',
      'total',
      'status',
      'customer',
    ]);
    fire(find(Select, { name: 'filter-field' }), 'onChange', 'total');
    await waitFor(() => expect(maybeFind(Select, { name: 'filter-operator' })).not.toBeNull());
    expect(valuesOf(find(Select, { name: 'filter-operator' }))).not.toContain('contains');
    fire(find(Select, { name: 'filter-operator' }), 'onChange', 'gt');
    await waitFor(() => expect(maybeFind(NumberInput, { name: 'filter-value' })).not.toBeNull());
    fire(find(NumberInput, { name: 'filter-value' }), 'onChange', 100);
    await waitFor(() => expect(find(Button, byText('Add filter')).props.disabled).toBe(false));
    find(Button, byText('Add filter')).trigger('onClick');
    await waitFor(() => expect(backend.callsTo('PUT', '/api/v1/settings/inbound-filters')).toHaveLength(1));
    expect(backend.callsTo('PUT', '/api/v1/settings/inbound-filters')[0]?.body).toEqual({
      filters: [{ kind: 'primary', field: 'total', operator: 'gt', value: '100' }],
    });
  });

  it('offers a date picker for the created date and a list of values for the status', async () => {
    const { find, maybeFind, waitFor } = await openInvoiceFilters(backend);
    find(Button, byText('Add a filter')).trigger('onClick');
    await waitFor(() => expect(maybeFind(Select, { name: 'filter-field' })).not.toBeNull());
    fire(find(Select, { name: 'filter-field' }), 'onChange', 'createdAt');
    await waitFor(() => expect(maybeFind(DateInput, { name: 'filter-value' })).not.toBeNull());
    fire(find(Select, { name: 'filter-field' }), 'onChange', 'status');
    await waitFor(() => expect(maybeFind(MultiSelect, { name: 'filter-value' })).not.toBeNull());
    expect(valuesOf(find(MultiSelect, { name: 'filter-value' }))).toEqual(['open', 'paid']);
  });

  it('picks a customer by searching QuickBooks by name', async () => {
    backend.on('PUT', '/api/v1/settings/inbound-filters', echo);
    backend.on('GET', '/api/v1/settings/quickbooks-customers', {
      body: { customers: [{ id: '58', name: 'Acme Corp' }] },
    });
    const { find, maybeFind, waitFor } = await openInvoiceFilters(backend);
    find(Button, byText('Add a filter')).trigger('onClick');
    await waitFor(() => expect(maybeFind(Select, { name: 'filter-field' })).not.toBeNull());
    fire(find(Select, { name: 'filter-field' }), 'onChange', 'customer');
    await waitFor(() => expect(maybeFind(Input, { name: 'filter-search' })).not.toBeNull());
    fire(find(Input, { name: 'filter-search' }), 'onChange', 'acme');
    await waitFor(() => expect(find(Button, byText('Search')).props.disabled).toBe(false));
    find(Button, byText('Search')).trigger('onClick');
    await waitFor(() => expect(maybeFind(MultiSelect, { name: 'filter-customers' })).not.toBeNull());
    expect(backend.callsTo('GET', '/api/v1/settings/quickbooks-customers')[0]?.query.get('search')).toBe(
      'acme',
    );
    fire(find(MultiSelect, { name: 'filter-customers' }), 'onChange', ['58']);
    await waitFor(() => expect(find(Button, byText('Add filter')).props.disabled).toBe(false));
    find(Button, byText('Add filter')).trigger('onClick');
    await waitFor(() => expect(backend.callsTo('PUT', '/api/v1/settings/inbound-filters')).toHaveLength(1));
    expect(backend.callsTo('PUT', '/api/v1/settings/inbound-filters')[0]?.body).toEqual({
      filters: [{ kind: 'primary', field: 'customer', operator: 'in', value: ['58'] }],
    });
  });

  it('shows a saved filter the sync cannot apply as broken, with why and the fix', async () => {
    const base = settingsResponse();
    const { find } = await openInvoiceFilters(backend, {
      ...base,
      invoice: {
        ...base.invoice,
        inboundFilters: [{ kind: 'primary', field: 'Shoe size', operator: 'eq', value: '9' }],
        inboundFilterChecks: [
          {
            index: 0,
            description: null,
            problem: {
              code: 'unknown_filter_field',
              field: 'Shoe size',
              message: '"Shoe size" is not a field a QuickBooks invoice can be filtered on',
              allowed: ['createdAt'],
            },
            fix: 'The sync does not apply this filter until it is fixed: remove it and add it again from the lists.',
          },
        ],
      },
    });
    const broken = find(Alert, { title: 'This filter is broken' });
    expect(textOf(broken)).toContain('"Shoe size" is not a field');
    expect(textOf(broken)).toContain('does not apply this filter until it is fixed');
  });
});
