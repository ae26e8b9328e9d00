import { Alert, Button, DescriptionList, LoadingButton, Select, Toggle } from '@hubspot/ui-extensions';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { type FakeHubSpotFetch, installFakeHubSpotFetch } from '../../../testing/fake-hubspot-fetch.ts';
import { objectSettings, renderSettings, settingsResponse } from '../../../testing/settings-fixtures.tsx';
import { fire, textOf } from '../../../testing/text-of.ts';

const byText = (text: string) => (node: { text: string | null }) => node.text === text;

describe('Settings: connection (R-CON-2, R-CON-3)', () => {
  let backend: FakeHubSpotFetch;
  beforeEach(() => {
    backend = installFakeHubSpotFetch();
  });

  it('shows the connected company with its country', async () => {
    const { find, maybeFind, waitFor } = renderSettings(backend);
    await waitFor(() => expect(maybeFind(DescriptionList)).not.toBeNull());
    expect(textOf(find(DescriptionList))).toContain('Acme Ltd');
    expect(textOf(find(DescriptionList))).toContain('US');
  });

  it('connects: asks the backend for the Intuit link, then offers it', async () => {
    backend.on('POST', '/api/v1/connections/quickbooks', {
      body: { authorizeUrl: 'https://appcenter.intuit.com/connect/oauth2?state=s' },
    });
    const settings = settingsResponse({
      connection: {
        status: 'not_connected',
        realmId: null,
        companyName: null,
        country: null,
        homeCurrency: null,
        connectedAt: null,
      },
    });
    const { find, maybeFind, waitFor } = renderSettings(backend, settings);
    await waitFor(() => expect(maybeFind(LoadingButton, byText('Connect QuickBooks Online'))).not.toBeNull());
    find(LoadingButton, byText('Connect QuickBooks Online')).trigger('onClick');
    await waitFor(() => expect(maybeFind(Button, byText('Continue to QuickBooks sign-in'))).not.toBeNull());
    expect(find(Button, byText('Continue to QuickBooks sign-in')).props.href).toEqual({
      url: 'https://appcenter.intuit.com/connect/oauth2?state=s',
      external: true,
    });
    find(Button, byText('I’ve signed in')).trigger('onClick');
    await waitFor(() => expect(backend.callsTo('GET', '/api/v1/settings')).toHaveLength(2));
  });

  it('disconnects only after confirmation, then reloads', async () => {
    backend.on('DELETE', '/api/v1/connections/quickbooks', { body: { status: 'disconnected' } });
    const { find, maybeFind, waitFor, findByTestId } = renderSettings(backend);
    await waitFor(() => expect(maybeFind(Button, byText('Disconnect'))).not.toBeNull());
    find(Button, byText('Disconnect')).trigger('onClick');
    const confirm = findByTestId(Alert, 'confirm-disconnect');
    expect(backend.callsTo('DELETE', '/api/v1/connections/quickbooks')).toHaveLength(0);
    confirm.find(Button, byText('Disconnect')).trigger('onClick');
    await backend.whenCalls(backend.calls.length + 1);
    await waitFor(() => expect(backend.callsTo('GET', '/api/v1/settings')).toHaveLength(2));
    expect(backend.callsTo('DELETE', '/api/v1/connections/quickbooks')).toHaveLength(1);
  });

  it('cancel keeps the connection', async () => {
    const { find, maybeFind, waitFor, maybeFindByTestId } = renderSettings(backend);
    await waitFor(() => expect(maybeFind(Button, byText('Disconnect'))).not.toBeNull());
    find(Button, byText('Disconnect')).trigger('onClick');
    find(Button, byText('Cancel')).trigger('onClick');
    expect(maybeFindByTestId(Alert, 'confirm-disconnect')).toBeNull();
    expect(backend.callsTo('DELETE', '/api/v1/connections/quickbooks')).toHaveLength(0);
  });

  it('asks for LedgerSync to be installed again when HubSpot refused its access', async () => {
    const { find, maybeFind, waitFor } = renderSettings(backend, {
      ...settingsResponse(),
      hubspot: { status: 'needs_reauth' },
    });
    await waitFor(() => expect(maybeFind(Alert, { title: 'Install LedgerSync again' })).not.toBeNull());
    expect(textOf(find(Alert, { title: 'Install LedgerSync again' }))).toContain('sync is paused');
  });

  it('shows no reinstall notice while the HubSpot installation is active', async () => {
    const { maybeFind, waitFor } = renderSettings(backend, {
      ...settingsResponse(),
      hubspot: { status: 'active' },
    });
    await waitFor(() => expect(maybeFind(Button, byText('Disconnect'))).not.toBeNull());
    expect(maybeFind(Alert, { title: 'Install LedgerSync again' })).toBeNull();
  });

  it('shows a reconnect banner when QuickBooks needs re-authorization', async () => {
    const base = settingsResponse();
    const { find, maybeFind, waitFor } = renderSettings(backend, {
      ...base,
      connection: { ...base.connection, status: 'needs_reauth' },
    });
    await waitFor(() => expect(maybeFind(Alert, { title: 'Reconnect QuickBooks Online' })).not.toBeNull());
    expect(find(Alert, { title: 'Reconnect QuickBooks Online' }).find(LoadingButton).text).toBe('Reconnect');
  });
});

describe('Settings: set-up order (R-CON-4, R-CON-5, R-MAP-1)', () => {
  let backend: FakeHubSpotFetch;
  beforeEach(() => {
    backend = installFakeHubSpotFetch();
  });

  it('lists products, contacts, then invoices, and holds invoices until both are on', async () => {
    const { findAll, find, maybeFind, waitFor, getRootNode } = renderSettings(backend);
    await waitFor(() => expect(maybeFind(Toggle, { name: 'invoice-enabled' })).not.toBeNull());
    expect(
      findAll(Select)
        .slice(0, 3)
        .map((s) => s.props.name),
    ).toEqual(['product-direction', 'customer-direction', 'invoice-direction']);
    expect(find(Toggle, { name: 'invoice-enabled' }).props.readOnly).toBe(true);
    expect(textOf(getRootNode())).toContain('Turn on product and contact sync first.');
  });

  it('changes a direction through the backend', async () => {
    backend.on('PUT', '/api/v1/settings/objects/product', (call) => ({
      body: objectSettings('product', call.body as object),
    }));
    const { find, maybeFind, waitFor } = renderSettings(backend);
    await waitFor(() => expect(maybeFind(Select, { name: 'product-direction' })).not.toBeNull());
    fire(find(Select, { name: 'product-direction' }), 'onChange', 'hubspot_to_quickbooks');
    await waitFor(() =>
      expect(find(Select, { name: 'product-direction' }).props.value).toBe('hubspot_to_quickbooks'),
    );
    expect(backend.callsTo('PUT', '/api/v1/settings/objects/product')[0]?.body).toEqual({
      direction: 'hubspot_to_quickbooks',
    });
  });

  it('turns a sync on, and shows why the backend refused to turn one on', async () => {
    backend.on('PUT', '/api/v1/settings/objects/customer', {
      body: objectSettings('customer', { enabled: true }),
    });
    backend.on('PUT', '/api/v1/settings/objects/invoice', {
      status: 409,
      body: {
        error: 'tax_required_non_us',
        message: 'Invoices can’t go to a company in FR without a tax mapping.',
      },
    });
    const base = settingsResponse();
    const { find, maybeFind, waitFor } = renderSettings(backend, {
      ...base,
      objects: [
        objectSettings('product', { enabled: true }),
        objectSettings('customer'),
        objectSettings('invoice'),
      ],
    });
    await waitFor(() => expect(maybeFind(Toggle, { name: 'customer-enabled' })).not.toBeNull());
    fire(find(Toggle, { name: 'customer-enabled' }), 'onChange', true);
    await waitFor(() => expect(find(Toggle, { name: 'invoice-enabled' }).props.readOnly).toBe(false));
    fire(find(Toggle, { name: 'invoice-enabled' }), 'onChange', true);
    await waitFor(() => expect(maybeFind(Alert, { title: 'Change not saved' })).not.toBeNull());
    expect(textOf(find(Alert, { title: 'Change not saved' }))).toContain('without a tax mapping');
    expect(find(Toggle, { name: 'invoice-enabled' }).props.checked).toBe(false);
  });

  it('says payments follow invoices unless invoices only come from QuickBooks (R-OBJ-4)', async () => {
    const base = settingsResponse();
    const inboundOnly = renderSettings(backend, {
      ...base,
      objects: [objectSettings('invoice', { enabled: true, direction: 'quickbooks_to_hubspot' })],
    });
    await inboundOnly.waitFor(() => expect(inboundOnly.maybeFind(Toggle)).not.toBeNull());
    expect(textOf(inboundOnly.getRootNode())).toContain('Payments are not synced');
  });

  it('Edit opens the configuration of that object', async () => {
    const { find, findAll, maybeFind, waitFor } = renderSettings(backend);
    await waitFor(() => expect(maybeFind(Button, byText('Edit'))).not.toBeNull());
    findAll(Button, byText('Edit'))[1]?.trigger('onClick');
    await waitFor(() => expect(maybeFind(Toggle, { name: 'field-dueDate' })).not.toBeNull());
    expect(textOf(find(Button, byText('Done')))).toBe('Done');
  });
});
