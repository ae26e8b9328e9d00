import {
  Alert,
  Button,
  DateInput,
  LoadingButton,
  MultiSelect,
  Panel,
  ProgressBar,
  Select,
  StatusTag,
  Table,
  TableHeader,
  Text,
} from '@hubspot/ui-extensions';
import type { RenderedFragmentNode } from '@hubspot/ui-extensions/testing';
import { beforeEach, describe, expect, it } from '@jest/globals';
import {
  BACKEND_URL,
  type FakeHubSpotFetch,
  installFakeHubSpotFetch,
} from '../../../../testing/fake-hubspot-fetch.ts';
import {
  overviewResponse,
  renderSettings,
  settingsResponse,
} from '../../../../testing/settings-fixtures.tsx';
import { fire, textOf } from '../../../../testing/text-of.ts';

const overlayOf = (node: { props: { overlay?: unknown } }) => node.props.overlay as RenderedFragmentNode;
const optionValues = (select: { props: { options?: unknown } }) =>
  ((select.props.options ?? []) as { value: unknown }[]).map((o) => o.value);
// The Table props union hides `page` until narrowed to the paginated form.
const pageOf = (table: { props: unknown }) => (table.props as { page?: number }).page;
const byText = (text: string) => (node: { text: string | null }) => node.text === text;
const UUID = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('Sync overview: object view (R-VIS-2)', () => {
  let backend: FakeHubSpotFetch;
  beforeEach(() => {
    backend = installFakeHubSpotFetch();
  });

  it('shows counts per object and status; a count opens a panel listing those records', async () => {
    const { find, maybeFindByTestId, findByTestId, waitFor } = renderSettings(backend);
    await waitFor(() => expect(maybeFindByTestId(Button, 'count-invoice-failing')).not.toBeNull());
    expect(findByTestId(Button, 'count-invoice-failing').text).toBe('3');
    expect(
      backend.callsTo('GET', '/api/v1/records').filter((c) => c.query.get('status') === 'failed'),
    ).toHaveLength(0);

    overlayOf(findByTestId(Button, 'count-invoice-failing')).find(Panel).trigger('onOpen');
    await waitFor(() =>
      expect(overlayOf(findByTestId(Button, 'count-invoice-failing')).maybeFind(Table)).not.toBeNull(),
    );
    const call = backend.callsTo('GET', '/api/v1/records').find((c) => c.query.get('status') === 'failed');
    expect(call?.query.get('object')).toBe('invoice');
    expect(textOf(overlayOf(findByTestId(Button, 'count-invoice-failing')).find(Table))).toContain('1042');
    expect(find(Table)).toBeTruthy();
  });

  it('lets the admin choose the count columns', async () => {
    const { find, maybeFind, waitFor, maybeFindByTestId } = renderSettings(backend);
    await waitFor(() => expect(maybeFind(MultiSelect, { name: 'overview-columns' })).not.toBeNull());
    expect(maybeFindByTestId(Button, 'count-invoice-pending')).toBeNull();
    fire(find(MultiSelect, { name: 'overview-columns' }), 'onChange', ['synced', 'pending']);
    await waitFor(() => expect(maybeFindByTestId(Button, 'count-invoice-pending')).not.toBeNull());
    expect(maybeFindByTestId(Button, 'count-invoice-failing')).toBeNull();
  });
});

describe('Sync overview: invoices from unknown sources (R-FLT-1)', () => {
  let backend: FakeHubSpotFetch;
  beforeEach(() => {
    backend = installFakeHubSpotFetch();
  });

  it('names each Invoice source LedgerSync does not know, with its count', async () => {
    const overview = overviewResponse({
      unknownInvoiceSources: {
        count: 5,
        sources: [
          { detail: 'Stripe', count: 4 },
          { detail: 'Zuora', count: 1 },
        ],
      },
    });
    const r = renderSettings(backend, settingsResponse(), overview);
    await r.waitFor(() =>
      expect(r.maybeFind(Alert, { title: 'Invoices from other sources are not synced' })).not.toBeNull(),
    );
    expect(textOf(r.find(Alert, { title: 'Invoices from other sources are not synced' }))).toContain(
      '5 HubSpot invoices are not synced because their Invoice source is not HubSpot: Stripe (4), Zuora (1).',
    );
  });

  it('says nothing when every invoice source is known', async () => {
    const r = renderSettings(
      backend,
      settingsResponse(),
      overviewResponse({ unknownInvoiceSources: { count: 0, sources: [] } }),
    );
    await r.waitFor(() => expect(r.maybeFindByTestId(Button, 'count-invoice-failing')).not.toBeNull());
    expect(r.maybeFind(Alert, { title: 'Invoices from other sources are not synced' })).toBeNull();
  });
});

describe('Sync overview: record view (R-VIS-3)', () => {
  let backend: FakeHubSpotFetch;
  beforeEach(() => {
    backend = installFakeHubSpotFetch();
  });

  const recordTable = (r: ReturnType<typeof renderSettings>) =>
    r.find(Table, (t) => t.props.paginated === true);

  it('pages through records', async () => {
    const r = renderSettings(backend);
    await r.waitFor(() => expect(r.maybeFind(Table, (t) => t.props.paginated === true)).not.toBeNull());
    expect(recordTable(r).props).toMatchObject({ page: 1, pageCount: 3 });
    fire(recordTable(r), 'onPageChange', 2);
    await r.waitFor(() => expect(pageOf(recordTable(r))).toBe(2));
    expect(textOf(recordTable(r))).toContain('1042');
    expect(backend.callsTo('GET', '/api/v1/records').at(-1)?.query.get('page')).toBe('2');
  });

  it('filters by object, status, error, direction and date, back to page 1', async () => {
    const r = renderSettings(backend);
    await r.waitFor(() => expect(r.maybeFind(Table, (t) => t.props.paginated === true)).not.toBeNull());
    await r.waitFor(() =>
      expect(optionValues(r.find(Select, { name: 'filter-error' }))).toContain('duplicate_display_name'),
    );
    fire(recordTable(r), 'onPageChange', 2);
    await r.waitFor(() => expect(pageOf(recordTable(r))).toBe(2));
    fire(r.find(Select, { name: 'filter-status' }), 'onChange', 'failed');
    fire(r.find(Select, { name: 'filter-object' }), 'onChange', 'invoice');
    fire(r.find(Select, { name: 'filter-error' }), 'onChange', 'duplicate_display_name');
    fire(r.find(Select, { name: 'filter-direction' }), 'onChange', 'hubspot_to_quickbooks');
    fire(r.find(DateInput, { name: 'filter-from' }), 'onChange', { year: 2026, month: 0, date: 1 });
    await r.waitFor(() =>
      expect(backend.callsTo('GET', '/api/v1/records').at(-1)?.query.get('from')).toBe(
        '2026-01-01T00:00:00Z',
      ),
    );
    const query = backend.callsTo('GET', '/api/v1/records').at(-1)?.query;
    expect(Object.fromEntries(query ?? [])).toMatchObject({
      status: 'failed',
      object: 'invoice',
      errorCode: 'duplicate_display_name',
      direction: 'hubspot_to_quickbooks',
      page: '1',
    });
  });

  it('chooses columns and shows each record’s activity in a panel', async () => {
    backend.on('GET', /^\/api\/v1\/records\/[^/]+\/activity$/, {
      body: {
        activity: [
          {
            id: 'a1',
            occurredAt: '2026-03-04T14:15:00Z',
            object: 'customer',
            action: 'failed',
            direction: 'hubspot_to_quickbooks',
            changedFields: [],
            error: { code: 'duplicate_display_name', title: 'Duplicate display name', category: 'data' },
            exclusion: null,
            message: 'Another customer is named Acme.',
            amount: null,
          },
        ],
      },
    });
    const r = renderSettings(backend);
    await r.waitFor(() => expect(r.maybeFind(Table, (t) => t.props.paginated === true)).not.toBeNull());
    fire(r.find(MultiSelect, { name: 'record-columns' }), 'onChange', ['status', 'amount']);
    await r.waitFor(() =>
      expect(backend.callsTo('GET', '/api/v1/records').at(-1)?.query.get('columns')).toBe('status,amount'),
    );
    await r.waitFor(() =>
      expect(
        recordTable(r)
          .findAll(TableHeader)
          .map((h) => h.text),
      ).toEqual(['Status', 'Amount', 'Activity']),
    );
    const view = () => recordTable(r).find(Button, byText('View'));
    overlayOf(view()).find(Panel).trigger('onOpen');
    await r.waitFor(() => expect(overlayOf(view()).maybeFind(Table)).not.toBeNull());
    expect(textOf(overlayOf(view()).find(Table))).toContain('Another customer is named Acme.');
    expect(textOf(overlayOf(view()).find(Table))).toContain(
      "Contact couldn't sync to QuickBooks: Duplicate display name",
    );
  });
});

describe('Recommendations, backfill and export (R-CON-6, R-FLT-4)', () => {
  let backend: FakeHubSpotFetch;
  beforeEach(() => {
    backend = installFakeHubSpotFetch();
  });

  it('warns for each QuickBooks setting that differs', async () => {
    const r = renderSettings(backend);
    await r.waitFor(() => expect(r.maybeFind(StatusTag, byText('Differs'))).not.toBeNull());
    expect(r.findAll(StatusTag, byText('As recommended'))).toHaveLength(2);
    expect(textOf(r.getRootNode())).toContain('Turn off custom transaction numbers in QuickBooks.');
  });

  it('starts a backfill and follows its progress to the end', async () => {
    const range = { from: '2025-01-01T00:00:00Z', to: '2025-12-31T23:59:59Z' };
    const startedAt = '2026-01-02T09:00:00Z';
    backend.on('POST', '/api/v1/backfills', {
      status: 202,
      body: {
        id: UUID,
        status: 'running',
        ...range,
        total: 10,
        done: 4,
        failed: 0,
        percent: 40,
        startedAt,
        finishedAt: null,
      },
    });
    backend.on('GET', `/api/v1/backfills/${UUID}`, {
      body: {
        id: UUID,
        status: 'done',
        ...range,
        total: 10,
        done: 10,
        failed: 0,
        percent: 100,
        startedAt,
        finishedAt: '2026-01-02T09:05:00Z',
      },
    });
    const r = renderSettings(backend);
    await r.waitFor(() => expect(r.maybeFind(DateInput, { name: 'backfill-from' })).not.toBeNull());
    const start = () => r.find(LoadingButton, byText('Start backfill'));
    expect(start().props.disabled).toBe(true);
    fire(r.find(DateInput, { name: 'backfill-from' }), 'onChange', { year: 2025, month: 0, date: 1 });
    fire(r.find(DateInput, { name: 'backfill-to' }), 'onChange', { year: 2025, month: 11, date: 31 });
    await r.waitFor(() => expect(start().props.disabled).toBe(false));
    start().trigger('onClick');
    await r.waitFor(() => expect(r.maybeFind(ProgressBar)).not.toBeNull());
    expect(r.find(ProgressBar).props).toMatchObject({ value: 40, title: 'Backfill in progress' });
    expect(backend.callsTo('POST', '/api/v1/backfills')[0]?.body).toEqual({
      from: '2025-01-01T00:00:00Z',
      to: '2025-12-31T23:59:59Z',
    });
    await r.waitFor(() => expect(r.find(ProgressBar).props.value).toBe(100), { timeoutInMs: 3000 });
    expect(r.find(ProgressBar).props.title).toBe('Backfill finished');
  });

  it('prepares a short-lived export link and offers it as a download (R-FLT-4)', async () => {
    const url = `${BACKEND_URL}/exports/1000/historical-invoices.csv?token=v1.abc.def`;
    backend.on('POST', '/api/v1/exports/historical-invoices/link', {
      body: { url, expiresAt: '2026-11-27T12:05:00.000Z' },
    });
    const r = renderSettings(backend);
    await r.waitFor(() => expect(r.maybeFind(LoadingButton, byText('Export for QuickBooks'))).not.toBeNull());
    expect(r.maybeFind(Button, byText('Download CSV'))).toBeNull();
    r.find(LoadingButton, byText('Export for QuickBooks')).trigger('onClick');
    await r.waitFor(() => expect(r.maybeFind(Button, byText('Download CSV'))).not.toBeNull());
    expect(r.find(Button, byText('Download CSV')).props.href).toEqual({ url, external: true });
    expect(backend.callsTo('POST', '/api/v1/exports/historical-invoices/link')).toHaveLength(1);
    expect(r.maybeFind(LoadingButton, byText('Prepare a new export'))).not.toBeNull();
  });

  it('says why an export link could not be made', async () => {
    backend.on('POST', '/api/v1/exports/historical-invoices/link', {
      status: 409,
      body: { error: 'hubspot_not_installed', message: 'Install LedgerSync again to export.' },
    });
    const r = renderSettings(backend);
    await r.waitFor(() => expect(r.maybeFind(LoadingButton, byText('Export for QuickBooks'))).not.toBeNull());
    r.find(LoadingButton, byText('Export for QuickBooks')).trigger('onClick');
    await r.waitFor(() =>
      expect(r.maybeFind(Text, byText('Install LedgerSync again to export.'))).not.toBeNull(),
    );
    expect(r.maybeFind(Button, byText('Download CSV'))).toBeNull();
  });
});
