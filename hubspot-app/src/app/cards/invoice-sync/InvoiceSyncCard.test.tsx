import {
  Alert,
  Button,
  EmptyState,
  ErrorState,
  Link,
  LoadingButton,
  LoadingSpinner,
  StatusTag,
  Table,
  TableCell,
} from '@hubspot/ui-extensions';
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

const SYNC_PATH = '/api/v1/invoices/123/card';
const RESYNC_PATH = '/api/v1/invoices/123/resync';

function renderCard() {
  const renderer = createTestRenderer('crm.record.tab');
  renderer.mocks.context.variables = { LEDGERSYNC_API_URL: BACKEND_URL };
  renderer.render(<InvoiceSyncCard />);
  return renderer;
}

describe('Integrations sync card (R-VIS-1)', () => {
  let backend: FakeHubSpotFetch;
  beforeEach(() => {
    backend = installFakeHubSpotFetch();
  });

  it('shows a spinner while loading, then a synced invoice with its QBO link, time and activity', async () => {
    let answer: (v: { body: unknown }) => void = () => {};
    backend.on('GET', SYNC_PATH, () => new Promise((resolve) => (answer = resolve)));
    const { find, maybeFind, waitFor } = renderCard();
    expect(find(LoadingSpinner)).toBeTruthy();
    await backend.whenCalls(1);
    answer({ body: invoiceCard() });
    await waitFor(() => expect(maybeFind(StatusTag)).not.toBeNull());
    expect(find(StatusTag).text).toBe('Synced');
    expect(find(StatusTag).props.variant).toBe('success');
    expect(find(Link).text).toBe('1042');
    expect(find(Link).props.href).toEqual({
      url: 'https://app.qbo.intuit.com/app/invoice?txnId=77',
      external: true,
    });
    expect(textOf(find(Table))).toContain('Mar 4, 2026, 9:15 AM'); // 14:15Z in the portal's New York time
    expect(textOf(find(Table))).toContain(
      'Invoice updated in QuickBooks with changes from HubSpot: Due date, Line items',
    );
    expect(maybeFind(Alert)).toBeNull();
  });

  it('shows a pending invoice that is not in QuickBooks yet', async () => {
    backend.on('GET', SYNC_PATH, {
      body: invoiceCard({ status: 'pending', quickbooks: null, lastSyncedAt: null }),
    });
    const { find, maybeFind, waitFor, getRootNode } = renderCard();
    await waitFor(() => expect(maybeFind(StatusTag)).not.toBeNull());
    expect(find(StatusTag).text).toBe('Pending');
    expect(textOf(getRootNode())).toContain('Not in QuickBooks yet');
    expect(textOf(getRootNode())).toContain('Never');
  });

  it('shows a failure with its title, explanation and fix (R-VIS-4)', async () => {
    const failure = {
      code: 'invoice_customer_missing',
      category: 'data' as const,
      title: 'Invoice has no customer in QuickBooks',
      explanation: 'The billing contact has no QuickBooks customer with the same email address.',
      fix: 'Sync this contact to QuickBooks first.',
      message: 'No QuickBooks customer with email ada@example.com.',
    };
    backend.on('GET', SYNC_PATH, { body: invoiceCard({ status: 'failed', error: failure }) });
    const { find, maybeFind, waitFor } = renderCard();
    await waitFor(() => expect(maybeFind(Alert)).not.toBeNull());
    expect(find(StatusTag).props.variant).toBe('danger');
    const alert = find(Alert);
    expect(alert.props).toMatchObject({ title: failure.title, variant: 'error' });
    expect(textOf(alert)).toContain(failure.explanation);
    expect(textOf(alert)).toContain(failure.fix);
    expect(textOf(alert)).toContain('ada@example.com');
  });

  it('shows why an invoice is excluded', async () => {
    const exclusion = {
      reason: 'draft',
      explanation: 'Draft invoices are not synced; finalize the invoice to sync it.',
    };
    backend.on('GET', SYNC_PATH, {
      body: invoiceCard({ status: 'excluded', exclusion, quickbooks: null }),
    });
    const { find, maybeFind, waitFor } = renderCard();
    await waitFor(() => expect(maybeFind(Alert)).not.toBeNull());
    expect(find(StatusTag).text).toBe('Excluded');
    expect(textOf(find(Alert))).toContain(exclusion.explanation);
  });

  it('has an empty state for an invoice never synced, with a Resync action', async () => {
    backend.on('GET', SYNC_PATH, {
      body: invoiceCard({ status: 'not_synced', quickbooks: null, lastSyncedAt: null, activity: [] }),
    });
    const { find, maybeFind, waitFor } = renderCard();
    await waitFor(() => expect(maybeFind(EmptyState)).not.toBeNull());
    expect(find(EmptyState).props.title).toBe('Not synced yet');
    expect(find(EmptyState).find(LoadingButton).text).toBe('Resync');
  });

  it('says when QuickBooks is not connected, and when it needs reconnecting', async () => {
    backend.on('GET', SYNC_PATH, {
      status: 409,
      body: { error: 'quickbooks_not_connected', message: 'Connect a QuickBooks Online company first.' },
    });
    const first = renderCard();
    await first.waitFor(() => expect(first.maybeFind(EmptyState)).not.toBeNull());
    expect(first.find(EmptyState).props.title).toBe('QuickBooks Online isn’t connected');

    backend.on('GET', SYNC_PATH, {
      status: 409,
      body: { error: 'quickbooks_needs_reauth', message: 'Connect QuickBooks again.' },
    });
    const second = renderCard();
    await second.waitFor(() => expect(second.maybeFind(EmptyState)).not.toBeNull());
    expect(second.find(EmptyState).props.title).toBe('Reconnect QuickBooks Online');
  });

  it('uses the connection status when the card response carries one', async () => {
    backend.on('GET', SYNC_PATH, { body: invoiceCard({ connection: 'disconnected' }) });
    const { find, maybeFind, waitFor } = renderCard();
    await waitFor(() => expect(maybeFind(EmptyState)).not.toBeNull());
    expect(find(EmptyState).props.title).toBe('QuickBooks Online isn’t connected');
  });

  it('turns a backend failure into an error view with a retry that recovers', async () => {
    backend.on('GET', SYNC_PATH, { status: 503, body: {} });
    const { find, maybeFind, waitFor } = renderCard();
    await waitFor(() => expect(maybeFind(ErrorState)).not.toBeNull());
    expect(textOf(find(ErrorState))).toContain('Something went wrong on our side');
    backend.on('GET', SYNC_PATH, { body: invoiceCard() });
    find(ErrorState).find(Button).trigger('onClick');
    await waitFor(() => expect(maybeFind(StatusTag)).not.toBeNull());
    expect(backend.callsTo('GET', SYNC_PATH)).toHaveLength(2);
  });

  it('treats an unreadable answer as an error, not as data', async () => {
    backend.on('GET', SYNC_PATH, { body: { ...invoiceCard(), status: 'weird' } });
    const { find, maybeFind, waitFor } = renderCard();
    await waitFor(() => expect(maybeFind(ErrorState)).not.toBeNull());
    expect(textOf(find(ErrorState))).toContain('cannot read (status:');
  });

  it('Resync calls the backend, confirms, and reloads the card', async () => {
    backend.on('GET', SYNC_PATH, { body: invoiceCard({ status: 'failed' }) });
    backend.on('POST', RESYNC_PATH, { status: 202, body: { queued: true } });
    const { find, maybeFind, waitFor, mocks } = renderCard();
    await waitFor(() => expect(maybeFind(LoadingButton)).not.toBeNull());
    backend.on('GET', SYNC_PATH, { body: invoiceCard({ status: 'pending' }) });
    find(LoadingButton).trigger('onClick');
    await waitFor(() => expect(maybeFind(StatusTag)?.text).toBe('Pending'));
    expect(backend.callsTo('POST', RESYNC_PATH)).toHaveLength(1);
    expect(mocks.actions.addAlert.calls[0]?.[0]).toMatchObject({ type: 'success' });
  });

  it('reports a refused Resync without losing the card', async () => {
    backend.on('GET', SYNC_PATH, { body: invoiceCard() });
    backend.on('POST', RESYNC_PATH, {
      status: 409,
      body: {
        error: 'sync_off',
        message: 'Invoice sync is turned off; turn it on in the settings to resync invoices.',
      },
    });
    const { find, maybeFind, waitFor, mocks } = renderCard();
    await waitFor(() => expect(maybeFind(LoadingButton)).not.toBeNull());
    find(LoadingButton).trigger('onClick');
    await waitFor(() => expect(mocks.actions.addAlert.calls).toHaveLength(1));
    expect(mocks.actions.addAlert.calls[0]?.[0]).toMatchObject({
      type: 'danger',
      message: 'Invoice sync is turned off; turn it on in the settings to resync invoices.',
    });
    expect(find(StatusTag).text).toBe('Synced');
    expect(find(TableCell)).toBeTruthy();
  });

  it('says when the invoice was deleted in QuickBooks and nothing else was deleted (R-OBJ-7)', async () => {
    backend.on('GET', SYNC_PATH, { body: invoiceCard({ deletedOn: 'quickbooks' }) });
    const { find, maybeFind, waitFor } = renderCard();
    await waitFor(() => expect(maybeFind(Alert)).not.toBeNull());
    expect(find(Alert).props.title).toBe('Deleted in QuickBooks Online');
    expect(textOf(find(Alert))).toContain('never deletes');
  });

  it('explains a missing backend URL instead of calling anywhere', () => {
    const renderer = createTestRenderer('crm.record.tab');
    renderer.mocks.context.variables = {};
    renderer.render(<InvoiceSyncCard />);
    expect(textOf(renderer.find(ErrorState))).toContain('LEDGERSYNC_API_URL');
    expect(backend.calls).toHaveLength(0);
  });
});
