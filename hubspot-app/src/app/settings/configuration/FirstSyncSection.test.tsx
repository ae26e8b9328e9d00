import { Button, LoadingButton, ProgressBar, Text, Toggle } from '@hubspot/ui-extensions';
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { FirstSyncRun } from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import { type FakeHubSpotFetch, installFakeHubSpotFetch } from '../../../../testing/fake-hubspot-fetch.ts';
import { objectSettings, renderSettings, settingsResponse } from '../../../../testing/settings-fixtures.tsx';
import { fire } from '../../../../testing/text-of.ts';
import { FIRST_SYNC_POLL_MS } from './FirstSyncSection.tsx';

const byText = (text: string) => (node: { text: string | null }) => node.text === text;
const RUN_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

function run(overrides: Partial<FirstSyncRun> = {}): FirstSyncRun {
  return {
    id: RUN_ID,
    object: 'customer',
    sourceSide: 'quickbooks',
    status: 'running',
    total: 500,
    done: 120,
    linked: 20,
    excluded: 0,
    failed: 3,
    percent: 24.6,
    error: null,
    startedAt: '2026-03-04T14:15:00Z',
    finishedAt: null,
    ...overrides,
  };
}

/** The settings page with contacts set as given, opened on the contact configuration. */
async function openContacts(backend: FakeHubSpotFetch, enabled: boolean) {
  const settings = settingsResponse({
    objects: [
      objectSettings('product'),
      objectSettings('customer', { enabled, direction: 'quickbooks_to_hubspot' }),
      objectSettings('invoice'),
    ],
  });
  const renderer = renderSettings(backend, settings);
  await renderer.waitFor(() => expect(renderer.maybeFind(Button, byText('Edit'))).not.toBeNull());
  renderer.findAll(Button, byText('Edit'))[1]?.trigger('onClick');
  return renderer;
}

/** Ends the run the page is following, so its polling stops before the next test's backend. */
async function endRun(backend: FakeHubSpotFetch, r: Awaited<ReturnType<typeof openContacts>>) {
  backend.on('GET', '/api/v1/first-syncs', { body: { runs: [run({ status: 'done', percent: 100 })] } });
  await r.waitFor(() => expect(r.find(ProgressBar).props.title).toBe('Existing QuickBooks customers synced'));
}

describe('First sync of existing contacts and products (R-CON-7)', () => {
  let backend: FakeHubSpotFetch;
  beforeEach(() => {
    backend = installFakeHubSpotFetch();
  });

  it('before the rule is on: says how many records will be created and how many match', async () => {
    backend.on('GET', '/api/v1/first-syncs', { body: { runs: [] } });
    backend.on('GET', '/api/v1/first-syncs/estimate', {
      body: {
        object: 'customer',
        estimates: [{ sourceSide: 'quickbooks', total: 1550, matches: 310, creates: 1240 }],
      },
    });
    const r = await openContacts(backend, false);
    const sentence =
      'About 1,240 QuickBooks customers will be created as HubSpot contacts; 310 match existing contacts.';
    await r.waitFor(() => expect(r.maybeFind(Text, byText(sentence))).not.toBeNull());
    const asked = backend.callsTo('GET', '/api/v1/first-syncs/estimate')[0]?.query;
    expect(Object.fromEntries(asked ?? [])).toEqual({
      object: 'customer',
      direction: 'quickbooks_to_hubspot',
    });
    // Nothing to run again before the rule is on.
    expect(r.maybeFind(LoadingButton, byText('Sync existing records'))).toBeNull();
  });

  it('turning the rule on with its configuration open shows the first sync it starts', async () => {
    backend.on('GET', '/api/v1/first-syncs', { body: { runs: [] } });
    backend.on('GET', '/api/v1/first-syncs/estimate', {
      body: {
        object: 'customer',
        estimates: [{ sourceSide: 'quickbooks', total: 30, matches: 5, creates: 25 }],
      },
    });
    backend.on('PUT', '/api/v1/settings/objects/customer', {
      body: objectSettings('customer', { enabled: true, direction: 'quickbooks_to_hubspot' }),
    });
    const r = await openContacts(backend, false);
    await r.waitFor(() =>
      expect(
        r.maybeFind(
          Text,
          byText(
            'About 25 QuickBooks customers will be created as HubSpot contacts; 5 match existing contacts.',
          ),
        ),
      ).not.toBeNull(),
    );
    // The server starts the run in the same change that turns the rule on.
    backend.on('GET', '/api/v1/first-syncs', {
      body: { runs: [run({ total: 30, done: 0, linked: 0, failed: 0, percent: 0 })] },
    });
    fire(r.find(Toggle, { name: 'customer-enabled' }), 'onChange', true);
    await r.waitFor(() => expect(r.maybeFind(ProgressBar)).not.toBeNull());
    expect(r.find(ProgressBar).props).toMatchObject({
      title: 'Syncing existing QuickBooks customers',
      valueDescription: '0 of 30: 0 created, 0 matched',
    });
    await endRun(backend, r);
  });

  it('while it runs, before its first page has counted the records: says it is counting', async () => {
    backend.on('GET', '/api/v1/first-syncs', {
      body: { runs: [run({ total: 0, done: 0, linked: 0, failed: 0, percent: 0 })] },
    });
    const r = await openContacts(backend, true);
    await r.waitFor(() => expect(r.maybeFind(ProgressBar)).not.toBeNull());
    expect(r.find(ProgressBar).props).toMatchObject({
      title: 'Syncing existing QuickBooks customers',
      valueDescription: 'Counting the records…',
    });
    await endRun(backend, r);
  });

  it('while it runs: a progress bar with done, failed and total, and a cancel', async () => {
    backend.on('GET', '/api/v1/first-syncs', { body: { runs: [run()] } });
    backend.on('POST', `/api/v1/first-syncs/${RUN_ID}/cancel`, {
      body: run({ status: 'cancelled', finishedAt: '2026-03-04T14:16:00Z' }),
    });
    const r = await openContacts(backend, true);
    await r.waitFor(() => expect(r.maybeFind(ProgressBar)).not.toBeNull());
    expect(r.find(ProgressBar).props).toMatchObject({
      title: 'Syncing existing QuickBooks customers',
      value: 24.6,
      valueDescription: '123 of 500: 100 created, 20 matched, 3 failed',
    });
    expect(r.maybeFind(LoadingButton, byText('Sync existing records'))).toBeNull();
    r.find(Button, byText('Cancel')).trigger('onClick');
    await r.waitFor(() =>
      expect(r.find(ProgressBar).props.title).toBe('Sync of existing QuickBooks customers cancelled'),
    );
    expect(backend.callsTo('POST', `/api/v1/first-syncs/${RUN_ID}/cancel`)).toHaveLength(1);
  });

  it('while it runs: the bar follows the run, poll after poll, until it ends', async () => {
    // The overview reads the runs once too, so the section sees at most one of these twice.
    const answers = [
      ...[0, 5, 10, 20].map((done) =>
        run({ total: 30, done, linked: 0, failed: 0, percent: Math.round((done / 30) * 1000) / 10 }),
      ),
      run({ status: 'done', total: 30, done: 30, linked: 5, failed: 0, percent: 100 }),
    ];
    let reads = 0;
    backend.on('GET', '/api/v1/first-syncs', () => ({
      body: { runs: [answers[Math.min(reads++, answers.length - 1)]] },
    }));
    const r = await openContacts(backend, true);
    await r.waitFor(() =>
      expect(r.find(ProgressBar).props).toMatchObject({
        title: 'Existing QuickBooks customers synced',
        valueDescription: '30 of 30: 25 created, 5 matched',
      }),
    );
    // Ended: no more reads.
    const readsWhenDone = reads;
    await new Promise((done) => setTimeout(done, FIRST_SYNC_POLL_MS * 1.5));
    expect(reads).toBe(readsWhenDone);
  });

  it('after: the result, and "Sync existing records" runs it again', async () => {
    backend.on('GET', '/api/v1/first-syncs', {
      body: { runs: [run({ status: 'done', done: 500, linked: 50, failed: 0, percent: 100 })] },
    });
    backend.on('POST', '/api/v1/first-syncs', {
      status: 202,
      body: { runs: [run({ done: 0, linked: 0, failed: 0, percent: 0 })] },
    });
    const r = await openContacts(backend, true);
    await r.waitFor(() => expect(r.maybeFind(ProgressBar)).not.toBeNull());
    expect(r.find(ProgressBar).props).toMatchObject({
      title: 'Existing QuickBooks customers synced',
      valueDescription: '500 of 500: 450 created, 50 matched',
    });
    r.find(LoadingButton, byText('Sync existing records')).trigger('onClick');
    await r.waitFor(() =>
      expect(r.find(ProgressBar).props.title).toBe('Syncing existing QuickBooks customers'),
    );
    expect(backend.callsTo('POST', '/api/v1/first-syncs')[0]?.body).toEqual({ object: 'customer' });
  });

  it('after: records a filter left out are not called created', async () => {
    backend.on('GET', '/api/v1/first-syncs', {
      body: {
        runs: [
          run({ object: 'product', status: 'done', total: 45, done: 45, linked: 10, excluded: 5, failed: 0 }),
        ],
      },
    });
    const settings = settingsResponse({
      objects: [
        objectSettings('product', { enabled: true }),
        objectSettings('customer'),
        objectSettings('invoice'),
      ],
    });
    const r = renderSettings(backend, settings);
    await r.waitFor(() => expect(r.maybeFind(Button, byText('Edit'))).not.toBeNull());
    r.findAll(Button, byText('Edit'))[0]?.trigger('onClick');
    await r.waitFor(() => expect(r.maybeFind(ProgressBar)).not.toBeNull());
    expect(r.find(ProgressBar).props).toMatchObject({
      title: 'Existing QuickBooks products and services synced',
      valueDescription: '45 of 45: 30 created, 10 matched, 5 left out',
    });
  });
});
