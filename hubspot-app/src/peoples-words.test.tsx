import { Button, LoadingButton, MultiSelect, Panel, StatusTag, Table } from '@hubspot/ui-extensions';
import type { RenderedFragmentNode } from '@hubspot/ui-extensions/testing';
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { ActivityEntry } from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import { recordColumnSchema } from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import { createTestRenderer } from '../testing/create-test-renderer.ts';
import {
  BACKEND_URL,
  type FakeHubSpotFetch,
  installFakeHubSpotFetch,
} from '../testing/fake-hubspot-fetch.ts';
import { invoiceCard } from '../testing/fixtures.ts';
import { codesShown, shownTexts } from '../testing/peoples-words.ts';
import { renderSettings } from '../testing/settings-fixtures.tsx';
import { fire, textOf } from '../testing/text-of.ts';
import { InvoiceSyncCard } from './app/cards/invoice-sync/InvoiceSyncCard.tsx';

// R-VIS-5: the card and the overview, rendered from answers shaped as the server sends them, show
// no internal code, enum value or ISO timestamp anywhere a person reads.

const at = (minute: number) => `2026-03-04T14:${String(minute).padStart(2, '0')}:00Z`;
const entry = (id: string, fields: Partial<ActivityEntry>): ActivityEntry => ({
  id,
  occurredAt: at(Number(id)),
  object: 'invoice',
  action: 'updated',
  direction: 'hubspot_to_quickbooks',
  changedFields: [],
  error: null,
  exclusion: null,
  message: null,
  amount: null,
  ...fields,
});

/** Every kind of entry a drain stores, an invoice's payment and a stored action this version does not know. */
const ACTIVITY: ActivityEntry[] = [
  entry('9', {
    object: 'payment',
    action: 'created',
    direction: 'quickbooks_to_hubspot',
    amount: { amount: '250.00', currency: 'USD' },
  }),
  entry('8', { action: 'updated', changedFields: ['Due date', 'Line items'] }),
  entry('7', {
    action: 'failed',
    error: {
      code: 'invoice_customer_missing',
      title: 'An invoice must be associated with a customer',
      category: 'data',
    },
    message: 'The billing contact has no QuickBooks customer.',
  }),
  entry('6', {
    action: 'excluded',
    exclusion: 'Draft invoices are not synced; finalize the invoice to sync it.',
  }),
  entry('5', { action: 'conflict_resolved', changedFields: ['Due date'] }),
  entry('4', { action: 'voided', direction: 'quickbooks_to_hubspot' }),
  entry('3', { action: 'linked' }),
  entry('2', { action: 'counterpart_deleted', direction: 'quickbooks_to_hubspot' }),
  entry('1', { action: 'unknown' }),
  entry('0', { action: 'created' }),
];

const overlayOf = (node: { props: { overlay?: unknown } }) => node.props.overlay as RenderedFragmentNode;

describe("people's words on the card and the overview (R-VIS-5)", () => {
  let backend: FakeHubSpotFetch;
  beforeEach(() => {
    backend = installFakeHubSpotFetch();
  });

  it('finds the codes it looks for', () => {
    expect(
      codesShown(['customer', '2026-03-04T14:15:00Z', 'duplicate_display_name', 'lastSyncedAt', 'Contact']),
    ).toEqual(['customer', '2026-03-04T14:15:00Z', 'duplicate_display_name', 'lastSyncedAt']);
  });

  it('the card of a failed invoice, with every kind of activity and a payment, reads in words', async () => {
    backend.on('GET', '/api/v1/invoices/123/card', {
      body: invoiceCard({
        status: 'failed',
        error: {
          code: 'invoice_customer_missing',
          category: 'data',
          title: 'An invoice must be associated with a customer',
          explanation:
            'The billing contact of this invoice has no QuickBooks customer with the same email address.',
          fix: 'Sync this contact to QuickBooks first.',
          message: 'No QuickBooks customer with email ada@example.com.',
        },
        payment: {
          state: 'partially_paid',
          currency: 'USD',
          total: '500.00',
          amountPaid: '250.00',
          balanceDue: '250.00',
        },
        activity: ACTIVITY,
      }),
    });
    const r = createTestRenderer('crm.record.tab');
    r.mocks.context.variables = { LEDGERSYNC_API_URL: BACKEND_URL };
    r.render(<InvoiceSyncCard />);
    await r.waitFor(() => expect(r.maybeFind(StatusTag)).not.toBeNull());
    const texts = shownTexts(r.getRootNode());
    expect(codesShown(texts)).toEqual([]);
    const activity = textOf(r.find(Table));
    expect(activity).toContain('Payment of $250.00 recorded in QuickBooks, synced to HubSpot');
    expect(activity).toContain(
      "Invoice couldn't sync to QuickBooks: An invoice must be associated with a customer",
    );
    expect(activity).toContain('Mar 4, 2026, 9:09 AM');
    expect(texts).toContain('Data error');
    expect(texts).toContain(
      'Something in this record, or in a record it uses, has to be changed before it can sync.',
    );
  });

  it('the overview, its count panel, every record column and a record’s activity read in words', async () => {
    backend.on('GET', /^\/api\/v1\/records\/[^/]+\/activity$/, { body: { activity: ACTIVITY } });
    const r = renderSettings(backend);
    await r.waitFor(() => expect(r.maybeFind(Table, (t) => t.props.paginated === true)).not.toBeNull());
    fire(r.find(MultiSelect, { name: 'record-columns' }), 'onChange', [...recordColumnSchema.options]);
    const records = () => r.find(Table, (t) => t.props.paginated === true);
    await r.waitFor(() => expect(textOf(records())).toContain('Open in QuickBooks'));
    const count = r.findByTestId(Button, 'count-invoice-failing');
    overlayOf(count).find(Panel).trigger('onOpen');
    await r.waitFor(() =>
      expect(overlayOf(r.findByTestId(Button, 'count-invoice-failing')).maybeFind(Table)).not.toBeNull(),
    );
    const view = () => records().find(Button, (b) => b.text === 'View');
    overlayOf(view()).find(Panel).trigger('onOpen');
    await r.waitFor(() => expect(overlayOf(view()).maybeFind(Table)).not.toBeNull());

    const texts = shownTexts(r.getRootNode());
    expect(codesShown(texts)).toEqual([]);
    const table = textOf(records());
    for (const words of [
      'Invoice',
      '1042',
      'Open in HubSpot',
      '$1,250.50',
      'Duplicate display name',
      'HubSpot → QuickBooks',
      'Mar 4, 2026, 9:15 AM',
    ])
      expect(table).toContain(words);
    expect(r.maybeFind(LoadingButton)).not.toBeNull();
  });
});
