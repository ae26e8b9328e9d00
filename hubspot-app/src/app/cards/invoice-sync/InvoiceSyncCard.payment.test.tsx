import { DescriptionListItem, StatusTag } from '@hubspot/ui-extensions';
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { InvoicePayment } from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
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

const payment = (overrides: Partial<InvoicePayment>): InvoicePayment => ({
  state: 'open',
  currency: 'USD',
  total: '120.00',
  amountPaid: '0.00',
  balanceDue: '120.00',
  ...overrides,
});

async function renderWith(backend: FakeHubSpotFetch, body: unknown) {
  backend.on('GET', SYNC_PATH, { body });
  const renderer = createTestRenderer('crm.record.tab');
  renderer.mocks.context.variables = { LEDGERSYNC_API_URL: BACKEND_URL };
  renderer.render(<InvoiceSyncCard />);
  await renderer.waitFor(() => expect(renderer.maybeFind(StatusTag)).not.toBeNull());
  const item = (label: string) =>
    renderer.findAll(DescriptionListItem).find((i) => i.props.label === label) ?? null;
  return { ...renderer, item };
}

describe('Integrations sync card: payment state next to the sync status (R-OBJ-5, R-VIS-1)', () => {
  let backend: FakeHubSpotFetch;
  beforeEach(() => {
    backend = installFakeHubSpotFetch();
  });

  it('shows a paid invoice as paid while its sync status stays synced', async () => {
    const { item } = await renderWith(
      backend,
      invoiceCard({ payment: payment({ state: 'paid', amountPaid: '120.00', balanceDue: '0.00' }) }),
    );
    expect(item('Sync status')?.find(StatusTag).text).toBe('Synced');
    const tag = item('Payment')?.find(StatusTag);
    expect(tag?.text).toBe('Paid');
    expect(tag?.props.variant).toBe('success');
    expect(textOf(item('Amount paid'))).toContain('120.00 USD paid of 120.00 USD, 0.00 USD due');
  });

  it('shows a partial payment with what was paid and what is still due', async () => {
    const { item } = await renderWith(
      backend,
      invoiceCard({
        payment: payment({ state: 'partially_paid', amountPaid: '100.00', balanceDue: '20.00' }),
      }),
    );
    expect(item('Payment')?.find(StatusTag).text).toBe('Partially paid');
    expect(item('Payment')?.find(StatusTag).props.variant).toBe('warning');
    expect(textOf(item('Amount paid'))).toContain('100.00 USD paid of 120.00 USD, 20.00 USD due');
  });

  it('shows an unpaid invoice and a voided one', async () => {
    const open = await renderWith(backend, invoiceCard({ payment: payment({}) }));
    expect(open.item('Payment')?.find(StatusTag).text).toBe('Unpaid');
    expect(textOf(open.item('Amount paid'))).toContain('0.00 USD paid of 120.00 USD, 120.00 USD due');

    const voided = await renderWith(
      backend,
      invoiceCard({ payment: payment({ state: 'voided', total: '0.00', balanceDue: '0.00' }) }),
    );
    expect(voided.item('Payment')?.find(StatusTag).text).toBe('Voided');
    expect(textOf(voided.item('Amount paid'))).toContain('Nothing due (voided)');
  });

  it('keeps a failed sync visible beside the payment state', async () => {
    const { item } = await renderWith(
      backend,
      invoiceCard({
        status: 'failed',
        payment: payment({ state: 'paid', amountPaid: '120.00', balanceDue: '0.00' }),
      }),
    );
    expect(item('Sync status')?.find(StatusTag).text).toBe('Failed');
    expect(item('Payment')?.find(StatusTag).text).toBe('Paid');
  });

  it('shows no payment rows before the invoice has synced once', async () => {
    const { item } = await renderWith(backend, invoiceCard({ status: 'pending', payment: null }));
    expect(item('Sync status')?.find(StatusTag).text).toBe('Pending');
    expect(item('Payment')).toBeNull();
    expect(item('Amount paid')).toBeNull();
  });

  it('treats an unknown payment state from the backend as an unreadable answer', async () => {
    backend.on('GET', SYNC_PATH, {
      body: invoiceCard({ payment: { ...payment({}), state: 'refunded' as 'paid' } }),
    });
    const renderer = createTestRenderer('crm.record.tab');
    renderer.mocks.context.variables = { LEDGERSYNC_API_URL: BACKEND_URL };
    renderer.render(<InvoiceSyncCard />);
    await renderer.waitFor(() => expect(textOf(renderer.getRootNode())).toContain('cannot read'));
    expect(renderer.maybeFind(StatusTag)).toBeNull();
  });
});
