import { describe, expect, it } from '@jest/globals';
import { JsonDecimal, QboQuery } from '@ledgersync/quickbooks';
import { type HsObject, syncingPortal, type TestPortal } from '@ledgersync/test-world';
import { type LiveWorld, useLiveWorld } from '../testing/live-world.ts';

// Filters from the settings API to the records they keep out, through the real server, the engine's
// drains and both emulators: each layer's names are the catalogue's, so the chain agrees.

async function qboInvoice(p: TestPortal, customerId: string, docNumber: string, amount: string) {
  return p.qbo.create(
    'Invoice',
    {
      CustomerRef: { value: customerId },
      DocNumber: docNumber,
      Line: [
        {
          DetailType: 'SalesItemLineDetail',
          Amount: new JsonDecimal(amount),
          Description: 'Work',
          SalesItemLineDetail: { Qty: new JsonDecimal('1'), UnitPrice: new JsonDecimal(amount) },
        },
      ],
    },
    `e2e-${p.realmId}-${docNumber}`,
  );
}

const contact = (p: TestPortal, properties: Record<string, string>) =>
  p.hs<HsObject>('/crm/v3/objects/contacts', { method: 'POST', body: { properties } });

const linkOf = (
  world: LiveWorld,
  p: TestPortal,
  object: 'invoice' | 'customer',
  side: 'hubspot' | 'quickbooks',
  id: string,
) =>
  world.db.recordLink.findFirst({
    where: {
      portalId: p.portalId,
      object,
      ...(side === 'hubspot' ? { hubspotId: id } : { quickbooksId: id }),
    },
  });

async function excludedRows(world: LiveWorld, p: TestPortal, object: string) {
  const res = await world.signed(
    p.hubId,
    'GET',
    `/api/v1/records?object=${object}&status=excluded&columns=name,exclusion`,
  );
  expect(res.statusCode).toBe(200);
  return res.json().rows as { name: { name: string }; exclusion: string }[];
}

describe('filters through the whole chain', () => {
  const live = useLiveWorld();

  it('R-FLT-2: with the recommended filter, a QBO invoice created afterwards reaches HubSpot, one created before does not, and the record view says why', async () => {
    const world = live();
    const p = await syncingPortal(world);
    const customer = await p.qbo.create(
      'Customer',
      { DisplayName: 'Chain Customer', PrimaryEmailAddr: { Address: 'chain@example.com' } },
      `e2e-${p.realmId}-chain`,
    );
    const before = await qboInvoice(p, customer.Id, 'OLD-1', '50.00');

    const added = await world.signed(p.hubId, 'POST', '/api/v1/settings/inbound-filters/recommended');
    expect(added.statusCode).toBe(200);
    expect(added.json().inboundFilters).toEqual([
      expect.objectContaining({ kind: 'primary', field: 'createdAt', operator: 'gt' }),
    ]);
    // QBO's CreateTime has whole seconds: the next invoice is made two seconds later on QBO's clock.
    await world.postJson(`${world.qboUrl}/_emulator/clock/advance`, { ms: 2000 });
    const after = await qboInvoice(p, customer.Id, 'NEW-1', '60.00');

    await p.notify('quickbooks', 'customer', customer.Id);
    await p.notify('quickbooks', 'invoice', before.Id);
    await p.notify('quickbooks', 'invoice', after.Id);
    await p.drain();

    const afterLink = await linkOf(world, p, 'invoice', 'quickbooks', after.Id);
    expect(afterLink).toMatchObject({ status: 'synced' });
    expect(afterLink?.hubspotId).toEqual(expect.any(String));
    const beforeLink = await linkOf(world, p, 'invoice', 'quickbooks', before.Id);
    expect(beforeLink).toMatchObject({ status: 'excluded', hubspotId: null, exclusionReason: 'filtered' });
    const hsInvoices = await p.hs<{ results: HsObject[] }>('/crm/v3/objects/invoices');
    expect(hsInvoices.results).toHaveLength(1);

    const rows = await excludedRows(world, p, 'invoice');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.exclusion).toMatch(
      /^Left out by the sync filter "Created date is after \d+ \w{3} \d{4}, \d{2}:\d{2} UTC"\.$/,
    );
  });

  it('R-FLT-5: a HubSpot-side contact filter sends the matching contact to QuickBooks and leaves the other out, naming the filter', async () => {
    const world = live();
    const p = await syncingPortal(world);
    const saved = await world.signed(p.hubId, 'PUT', '/api/v1/settings/objects/customer/filters', {
      filters: [
        { kind: 'property', side: 'hubspot', field: 'email', operator: 'contains', value: '@client.example' },
      ],
    });
    expect(saved.statusCode).toBe(200);
    const client = await contact(p, { email: 'ap@client.example', firstname: 'Ada', lastname: 'Client' });
    const lead = await contact(p, { email: 'lead@marketing.example', firstname: 'Lee', lastname: 'Lead' });
    await p.notify('hubspot', 'customer', client.id);
    await p.notify('hubspot', 'customer', lead.id);
    await p.drain();

    expect(await linkOf(world, p, 'customer', 'hubspot', client.id)).toMatchObject({
      status: 'synced',
      quickbooksId: expect.any(String),
    });
    expect(await linkOf(world, p, 'customer', 'hubspot', lead.id)).toMatchObject({
      status: 'excluded',
      quickbooksId: null,
    });
    const rows = await excludedRows(world, p, 'customer');
    expect(rows.map((r) => r.exclusion)).toEqual([
      'Left out by the sync filter "Email contains "@client.example"".',
    ]);
  });

  it('R-FLT-5: the recommended contact filter sends only the billing contacts of synced invoices', async () => {
    const world = live();
    const p = await syncingPortal(world);
    const added = await world.signed(
      p.hubId,
      'POST',
      '/api/v1/settings/objects/customer/filters/recommended',
    );
    expect(added.json().filters).toEqual([{ kind: 'billing_contact_of_synced_invoice' }]);
    const billed = await contact(p, { email: 'billed@client.example', firstname: 'Bill', lastname: 'Payer' });
    const lead = await contact(p, { email: 'lead2@marketing.example', firstname: 'Lena', lastname: 'Lead' });
    const draft = await p.hsControl<HsObject>(`/portals/${p.hubId}/ui/invoices`, {
      contactId: billed.id,
      lineItems: [{ name: 'Setup', quantity: '1', price: '40' }],
    });
    const invoice = await p.hsControl<HsObject>(`/portals/${p.hubId}/ui/invoices/${draft.id}/finalize`);
    await p.notify('hubspot', 'customer', billed.id);
    await p.notify('hubspot', 'customer', lead.id);
    await p.notify('hubspot', 'invoice', invoice.id);
    await p.drain();

    expect(await linkOf(world, p, 'invoice', 'hubspot', invoice.id)).toMatchObject({ status: 'synced' });
    expect(await linkOf(world, p, 'customer', 'hubspot', billed.id)).toMatchObject({ status: 'synced' });
    expect(await linkOf(world, p, 'customer', 'hubspot', lead.id)).toMatchObject({ status: 'excluded' });
    const rows = await excludedRows(world, p, 'customer');
    expect(rows.map((r) => r.exclusion)).toEqual([
      'Left out by the sync filter "Only contacts that are the billing contact of a synced invoice".',
    ]);
  });
  it('R-FLT-5: a marketing portal of 2,000 contacts with the recommended filter: only the billing contacts of synced invoices reach QuickBooks, the rest are excluded naming the filter', async () => {
    const world = live();
    const p = await syncingPortal(world);
    await world.signed(p.hubId, 'POST', '/api/v1/settings/objects/customer/filters/recommended');
    const ids: string[] = [];
    for (let batch = 0; batch < 20; batch++) {
      const created = await p.hs<{ results: HsObject[] }>('/crm/v3/objects/contacts/batch/create', {
        method: 'POST',
        body: {
          inputs: Array.from({ length: 100 }, (_, i) => ({
            properties: {
              email: `lead-${batch * 100 + i}@marketing.example`,
              firstname: `Lead ${batch * 100 + i}`,
            },
          })),
        },
      });
      ids.push(...created.results.map((c) => c.id));
    }
    // Three of the 2,000 are billed by an invoice the sync takes.
    const billed = [ids[7], ids[1_234], ids[1_999]] as string[];
    const invoices: string[] = [];
    for (const contactId of billed) {
      const draft = await p.hsControl<HsObject>(`/portals/${p.hubId}/ui/invoices`, {
        contactId,
        lineItems: [{ name: 'Setup', quantity: '1', price: '40' }],
      });
      invoices.push((await p.hsControl<HsObject>(`/portals/${p.hubId}/ui/invoices/${draft.id}/finalize`)).id);
    }
    for (const id of ids) await p.notify('hubspot', 'customer', id);
    for (const id of invoices) await p.notify('hubspot', 'invoice', id);
    // The contacts come first and alone: each drain claims a bounded batch, so most are decided
    // before any invoice; a billed one left out then must still reach QuickBooks with its invoice.
    let reports = await p.drain();
    while (reports.at(-1)?.claimed) reports = await p.drain();

    const customers = await p.qbo.queryPage(QboQuery.select('Customer'), 1, 1000);
    expect(
      customers.entities
        .map((c) => (c as { PrimaryEmailAddr?: { Address?: string } }).PrimaryEmailAddr?.Address)
        .sort(),
    ).toEqual(['lead-1234@marketing.example', 'lead-1999@marketing.example', 'lead-7@marketing.example']);
    const res = await world.signed(
      p.hubId,
      'GET',
      '/api/v1/records?object=customer&status=excluded&columns=name,exclusion',
    );
    expect(res.json().total).toBe(1_997);
    const rows = res.json().rows as { exclusion: string }[];
    expect(new Set(rows.map((r) => r.exclusion))).toEqual(
      new Set([
        'Left out by the sync filter "Only contacts that are the billing contact of a synced invoice".',
      ]),
    );
  }, 180_000);
});
