import { Text } from '@hubspot/ui-extensions';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { type FakeHubSpotFetch, installFakeHubSpotFetch } from '../../../../testing/fake-hubspot-fetch.ts';
import { renderSettings } from '../../../../testing/settings-fixtures.tsx';

const byText = (text: string) => (node: { text: string | null }) => node.text === text;
const run = {
  object: 'customer',
  sourceSide: 'quickbooks',
  total: 500,
  linked: 50,
  excluded: 0,
  failed: 0,
  percent: 100,
  error: null,
  startedAt: '2026-03-04T14:15:00Z',
  finishedAt: '2026-03-04T14:18:00Z',
};

describe('the overview after a first sync (R-CON-7)', () => {
  let backend: FakeHubSpotFetch;
  beforeEach(() => {
    backend = installFakeHubSpotFetch();
  });

  it('shows the result of the latest finished first sync of each side, not an older one or a running one', async () => {
    backend.on('GET', '/api/v1/first-syncs', {
      body: {
        runs: [
          { ...run, id: '0f8fad5b-d9cb-469f-a165-70867728950a', status: 'done', done: 500 },
          { ...run, id: '0f8fad5b-d9cb-469f-a165-70867728950b', status: 'done', done: 10, linked: 0 },
          {
            ...run,
            id: '0f8fad5b-d9cb-469f-a165-70867728950c',
            object: 'product',
            status: 'running',
            done: 3,
            total: 40,
            linked: 0,
            percent: 7.5,
            finishedAt: null,
          },
        ],
      },
    });
    const r = renderSettings(backend);
    const result = 'Existing QuickBooks customers synced: 500 of 500: 450 created, 50 matched.';
    await r.waitFor(() => expect(r.maybeFind(Text, byText(result))).not.toBeNull());
    expect(
      r.maybeFind(Text, byText('Existing QuickBooks customers synced: 10 of 500: 10 created, 0 matched.')),
    ).toBeNull();
    expect(
      r.maybeFind(Text, (t) => (t.text ?? '').startsWith('Syncing existing QuickBooks products')),
    ).toBeNull();
  });
});
