import { Alert, Button, Toggle } from '@hubspot/ui-extensions';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { type FakeHubSpotFetch, installFakeHubSpotFetch } from '../../../../testing/fake-hubspot-fetch.ts';
import { renderSettings } from '../../../../testing/settings-fixtures.tsx';
import { textOf } from '../../../../testing/text-of.ts';

const byText = (text: string) => (node: { text: string | null }) => node.text === text;

describe('What the admin configuring invoice sync is told (R-FAQ-2, R-FAQ-3)', () => {
  let backend: FakeHubSpotFetch;
  beforeEach(() => {
    backend = installFakeHubSpotFetch();
  });

  it('answers discounts, fees and taxes and the paid-invoice workflow once each, in the invoice configuration', async () => {
    const r = renderSettings(backend);
    await r.waitFor(() => expect(r.maybeFind(Button, byText('Edit'))).not.toBeNull());
    expect(r.maybeFind(Alert, { title: 'HubSpot workflows that create paid invoices' })).toBeNull();
    r.findAll(Button, byText('Edit'))[2]?.trigger('onClick');
    await r.waitFor(() => expect(r.maybeFind(Toggle, { name: 'field-dueDate' })).not.toBeNull());

    const workflow = r.findAll(Alert, { title: 'HubSpot workflows that create paid invoices' });
    expect(workflow).toHaveLength(1);
    expect(textOf(workflow[0])).toContain('filter out payments whose source is an invoice');
    const lines = r.findAll(Alert, { title: 'Discounts, fees and taxes' });
    expect(lines).toHaveLength(1);
    for (const words of ['discount stays with the line', 'Fees such as shipping', 'no tax of their own'])
      expect(textOf(lines[0])).toContain(words);
  });
});
