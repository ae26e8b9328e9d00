import { Alert, Button, Dropdown, List, RadioButton, Select, TableRow, Toggle } from '@hubspot/ui-extensions';
import { beforeEach, describe, expect, it } from '@jest/globals';
import type {
  CustomMapping,
  SettingsResponse,
} from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import { type FakeHubSpotFetch, installFakeHubSpotFetch } from '../../../../testing/fake-hubspot-fetch.ts';
import { objectSettings, renderSettings, settingsResponse } from '../../../../testing/settings-fixtures.tsx';
import { fire, textOf } from '../../../../testing/text-of.ts';

const byText = (text: string) => (node: { text: string | null }) => node.text === text;
// The renderer types array props as fragments; Dropdown options are plain objects at runtime.
const optionsOf = (node: { props: { options?: unknown } }) =>
  (node.props.options ?? []) as { label: string; onClick?: () => void }[];

const PO_MAPPING: CustomMapping = {
  id: 'm1',
  hubspot: { property: 'hs_purchase_order_number', label: 'PO number', type: 'string' },
  quickbooks: { field: 'CustomField:1', label: 'PO', type: 'string', custom: true },
  direction: 'two_way',
  enabled: true,
};

async function openInvoiceConfiguration(
  backend: FakeHubSpotFetch,
  settings: SettingsResponse = settingsResponse(),
) {
  const renderer = renderSettings(backend, settings);
  await renderer.waitFor(() => expect(renderer.maybeFind(Button, byText('Edit'))).not.toBeNull());
  renderer.findAll(Button, byText('Edit'))[2]?.trigger('onClick');
  await renderer.waitFor(() => expect(renderer.maybeFind(Toggle, { name: 'field-dueDate' })).not.toBeNull());
  return renderer;
}

describe('Object configuration (R-MAP-2, R-MAP-3)', () => {
  let backend: FakeHubSpotFetch;
  beforeEach(() => {
    backend = installFakeHubSpotFetch();
  });

  it('switches a mapped field off; a required field cannot be switched', async () => {
    backend.on('PUT', '/api/v1/settings/objects/invoice/fields', {
      body: objectSettings('invoice', {
        defaultMappings: objectSettings('invoice').defaultMappings.map((m) => ({
          ...m,
          enabled: m.key !== 'dueDate',
        })),
      }),
    });
    const { find, waitFor } = await openInvoiceConfiguration(backend);
    expect(find(Toggle, { name: 'field-number' }).props.readOnly).toBe(true);
    fire(find(Toggle, { name: 'field-dueDate' }), 'onChange', false);
    await waitFor(() => expect(find(Toggle, { name: 'field-dueDate' }).props.checked).toBe(false));
    expect(backend.callsTo('PUT', '/api/v1/settings/objects/invoice/fields')[0]?.body).toEqual({
      disabledFields: ['dueDate'],
    });
  });

  it('R-VIS-5: the mapped fields read in words: each field and which way it syncs, no API field name', async () => {
    const { find } = await openInvoiceConfiguration(backend);
    const row = find(TableRow, (r) => textOf(r).includes('Due date'));
    expect(textOf(row)).toContain('Both ways');
    expect(textOf(row)).not.toMatch(/hs_due_date|DueDate/);
  });

  it('sets the conflict rule', async () => {
    backend.on('PUT', '/api/v1/settings/objects/invoice', {
      body: objectSettings('invoice', { conflictResolution: 'quickbooks' }),
    });
    const { find, waitFor } = await openInvoiceConfiguration(backend);
    expect(find(RadioButton, { value: 'hubspot' }).props.checked).toBe(true);
    find(RadioButton, { value: 'quickbooks' }).trigger('onChange');
    await waitFor(() => expect(find(RadioButton, { value: 'quickbooks' }).props.checked).toBe(true));
    expect(backend.callsTo('PUT', '/api/v1/settings/objects/invoice')[0]?.body).toEqual({
      conflictResolution: 'quickbooks',
    });
  });
});

describe('Custom mappings (R-MAP-4, R-MAP-5, R-FAQ-1)', () => {
  let backend: FakeHubSpotFetch;
  beforeEach(() => {
    backend = installFakeHubSpotFetch();
  });

  it('refuses a mapping whose types do not fit, naming both fields, then adds one that fits', async () => {
    backend.on('POST', '/api/v1/settings/custom-mappings', {
      status: 201,
      body: { customMappings: [PO_MAPPING] },
    });
    const { find, maybeFind, waitFor } = await openInvoiceConfiguration(backend);
    find(Button, byText('Add a mapping')).trigger('onClick');
    await waitFor(() => expect(maybeFind(Select, { name: 'mapping-hubspot' })).not.toBeNull());
    fire(find(Select, { name: 'mapping-hubspot' }), 'onChange', 'hs_due_date');
    fire(find(Select, { name: 'mapping-quickbooks' }), 'onChange', 'TotalAmt');
    await waitFor(() => expect(find(Select, { name: 'mapping-quickbooks' }).props.error).toBe(true));
    const message = String(find(Select, { name: 'mapping-quickbooks' }).props.validationMessage);
    expect(message).toContain('Due date');
    expect(message).toContain('Total');
    expect(find(Button, byText('Add mapping')).props.disabled).toBe(true);

    fire(find(Select, { name: 'mapping-hubspot' }), 'onChange', 'hs_purchase_order_number');
    fire(find(Select, { name: 'mapping-quickbooks' }), 'onChange', 'CustomField:1');
    await waitFor(() => expect(find(Button, byText('Add mapping')).props.disabled).toBe(false));
    find(Button, byText('Add mapping')).trigger('onClick');
    await waitFor(() => expect(maybeFind(Dropdown, { testId: 'actions-m1' })).not.toBeNull());
    expect(backend.callsTo('POST', '/api/v1/settings/custom-mappings')[0]?.body).toEqual({
      hubspot: PO_MAPPING.hubspot,
      quickbooks: PO_MAPPING.quickbooks,
      direction: 'two_way',
      enabled: true,
    });
    expect(textOf(find(TableRow, (r) => textOf(r).includes('PO number')))).toContain('PO (custom field)');
  });

  it('offers a read-only HubSpot property only as a source (HubSpot → QuickBooks)', async () => {
    const { find, maybeFind, waitFor } = await openInvoiceConfiguration(backend);
    find(Button, byText('Add a mapping')).trigger('onClick');
    await waitFor(() => expect(maybeFind(Select, { name: 'mapping-hubspot' })).not.toBeNull());
    const hubspotOptions = () =>
      ((find(Select, { name: 'mapping-hubspot' }).props.options ?? []) as { value: unknown }[]).map(
        (o) => o.value,
      );
    expect(hubspotOptions()).not.toContain('hs_amount_billed');
    fire(find(Select, { name: 'mapping-direction' }), 'onChange', 'hubspot_to_quickbooks');
    await waitFor(() => expect(hubspotOptions()).toContain('hs_amount_billed'));
  });

  it('shows the backend’s refusal inline', async () => {
    backend.on('POST', '/api/v1/settings/custom-mappings', {
      status: 400,
      body: { error: 'invalid_field_value', message: '“PO number” is already used by another mapping.' },
    });
    const { find, maybeFind, waitFor } = await openInvoiceConfiguration(backend);
    find(Button, byText('Add a mapping')).trigger('onClick');
    await waitFor(() => expect(maybeFind(Select, { name: 'mapping-hubspot' })).not.toBeNull());
    fire(find(Select, { name: 'mapping-hubspot' }), 'onChange', 'hs_purchase_order_number');
    fire(find(Select, { name: 'mapping-quickbooks' }), 'onChange', 'CustomField:1');
    await waitFor(() => expect(find(Button, byText('Add mapping')).props.disabled).toBe(false));
    find(Button, byText('Add mapping')).trigger('onClick');
    await waitFor(() =>
      expect(find(Select, { name: 'mapping-quickbooks' }).props.validationMessage).toContain('already used'),
    );
  });

  it('edits and deletes a custom mapping through Actions', async () => {
    const edited = { ...PO_MAPPING, direction: 'hubspot_to_quickbooks' as const };
    backend.on('PUT', '/api/v1/settings/custom-mappings/m1', { body: { customMappings: [edited] } });
    backend.on('DELETE', '/api/v1/settings/custom-mappings/m1', { body: { customMappings: [] } });
    const base = settingsResponse();
    const { find, maybeFind, waitFor } = await openInvoiceConfiguration(backend, {
      ...base,
      invoice: { ...base.invoice, customMappings: [PO_MAPPING] },
    });
    const actions = optionsOf(find(Dropdown, { testId: 'actions-m1' }));
    expect(actions.map((o) => o.label)).toEqual(['Edit', 'Delete']);
    actions[0]?.onClick?.();
    await waitFor(() => expect(maybeFind(Select, { name: 'mapping-direction' })).not.toBeNull());
    expect(find(Select, { name: 'mapping-hubspot' }).props.value).toBe('hs_purchase_order_number');
    fire(find(Select, { name: 'mapping-direction' }), 'onChange', 'hubspot_to_quickbooks');
    await waitFor(() => expect(find(Button, byText('Save mapping')).props.disabled).toBe(false));
    find(Button, byText('Save mapping')).trigger('onClick');
    await waitFor(() =>
      expect(textOf(find(TableRow, (r) => textOf(r).includes('PO number')))).toContain(
        'HubSpot → QuickBooks',
      ),
    );
    expect(backend.callsTo('PUT', '/api/v1/settings/custom-mappings/m1')[0]?.body).toMatchObject({
      direction: 'hubspot_to_quickbooks',
    });

    optionsOf(find(Dropdown, { testId: 'actions-m1' }))[1]?.onClick?.();
    await waitFor(() => expect(maybeFind(Dropdown, { testId: 'actions-m1' })).toBeNull());
    expect(backend.callsTo('DELETE', '/api/v1/settings/custom-mappings/m1')).toHaveLength(1);
  });

  it('shows "Add a mapping" locked, with the reason, on the free tier', async () => {
    const base = settingsResponse();
    const { find, getRootNode } = await openInvoiceConfiguration(backend, {
      ...base,
      portal: { hubId: '42', planTier: 'free' },
      invoice: {
        ...base.invoice,
        customMappings: [PO_MAPPING],
        customMappingsLocked: {
          locked: true,
          reason: 'Custom mappings need Operations Hub Starter or higher.',
        },
      },
    });
    expect(find(Button, { testId: 'add-mapping-locked' }).props.disabled).toBe(true);
    expect(textOf(getRootNode())).toContain('Custom mappings need Operations Hub Starter or higher.');
    expect(find(Dropdown, { testId: 'actions-m1' }).props.disabled).toBe(true);
  });
});

describe('Invoice filters, Custom Line Item account and tax (R-FLT-1, R-OBJ-1, R-ERR-5)', () => {
  let backend: FakeHubSpotFetch;
  beforeEach(() => {
    backend = installFakeHubSpotFetch();
  });

  it('shows the three fixed outbound filters read-only', async () => {
    const { find } = await openInvoiceConfiguration(backend);
    const list = find(List, { testId: 'outbound-filters' });
    expect(textOf(list)).toContain('Invoice source is HubSpot');
    expect(textOf(list)).toContain('not a draft');
    expect(textOf(list)).toContain('after invoice sync was turned on');
    expect(list.maybeFind(Button)).toBeNull();
  });

  it('chooses the Custom Line Item income account', async () => {
    backend.on('PUT', '/api/v1/settings/custom-line-item-account', {
      body: { customLineItemIncomeAccountId: '80' },
    });
    const { find, maybeFind, waitFor } = await openInvoiceConfiguration(backend);
    await waitFor(() => expect(maybeFind(Select, { name: 'custom-line-item-account' })).not.toBeNull());
    fire(find(Select, { name: 'custom-line-item-account' }), 'onChange', '80');
    await waitFor(() => expect(find(Select, { name: 'custom-line-item-account' }).props.value).toBe('80'));
    expect(backend.callsTo('PUT', '/api/v1/settings/custom-line-item-account')[0]?.body).toEqual({
      accountId: '80',
    });
  });

  it('explains tax for a company outside the US, and not for a US one', async () => {
    const base = settingsResponse();
    const fr = await openInvoiceConfiguration(backend, {
      ...base,
      connection: { ...base.connection, country: 'FR' },
    });
    expect(fr.maybeFind(Alert, { title: 'Tax for a company outside the US' })).not.toBeNull();
    const us = await openInvoiceConfiguration(backend);
    expect(us.maybeFind(Alert, { title: 'Tax for a company outside the US' })).toBeNull();
  });
});
