import { AssociationSpecAssociationCategoryEnum as Category } from '@hubspot/api-client/lib/codegen/crm/associations/v4/index.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningEmulator, startEmulator } from '../testing/start-emulator.ts';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ rateLimits: false });
});
afterAll(() => emu.close());

describe('associations v4', () => {
  it('creates default and labelled links, reads them from both sides and archives them', async () => {
    const { client } = await emu.portalWithClient();
    const api = client.crm.objects.basicApi;
    const v4 = client.crm.associations.v4;
    const invoice = await api.create('invoices', { properties: { hs_currency: 'USD' } });
    const contact = await api.create('contacts', { properties: { email: 'c@x.io' } });
    const company = await api.create('companies', { properties: { name: 'Acme' } });
    const res = await v4.basicApi.createDefault('invoice', invoice.id, 'contact', contact.id);
    expect(res.results[0]?.associationSpec.associationTypeId).toBe(177);
    const label = await v4.schema.definitionsApi.create('invoices', 'companies', {
      label: 'Bill to',
      name: 'bill_to',
    });
    const typeId = label.results[0]?.typeId ?? 0;
    const pair = await v4.basicApi.create('invoices', invoice.id, 'companies', company.id, [
      { associationCategory: Category.UserDefined, associationTypeId: typeId },
    ]);
    expect(pair.labels).toEqual(['Bill to']);
    const fromContact = await v4.basicApi.getPage('contacts', contact.id, 'invoices');
    expect(fromContact.results[0]).toMatchObject({ associationTypes: [{ typeId: 178, label: null }] });
    expect(String(fromContact.results[0]?.toObjectId)).toBe(invoice.id);
    const read = await api.getById('invoices', invoice.id, undefined, undefined, ['contacts', 'companies']);
    expect(read.associations?.contacts?.results).toEqual([{ id: contact.id, type: 'invoice_to_contact' }]);
    const batch = await v4.batchApi.getPage('invoices', 'contacts', { inputs: [{ id: invoice.id }] });
    expect(batch.results[0]?.to.map((t) => String(t.toObjectId))).toEqual([contact.id]);
    await v4.batchApi.archive('invoices', 'contacts', {
      inputs: [{ _from: { id: invoice.id }, to: [{ id: contact.id }] }],
    });
    expect((await v4.basicApi.getPage('invoices', invoice.id, 'contacts')).results).toEqual([]);
    const labels = await v4.schema.definitionsApi.getAll('invoices', 'contacts');
    expect(labels.results).toEqual([{ category: 'HUBSPOT_DEFINED', typeId: 177, label: null }]);
  });

  it('renames and deletes a label on the docs path', async () => {
    const { accessToken } = await emu.portalWithClient();
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${emu.url}/crm/associations/v4/invoices/deals${path}`, {
        method,
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const created = (await (await call('POST', '/labels', { label: 'Renewal', name: 'renewal' })).json()) as {
      results: Array<{ typeId: number }>;
    };
    const typeId = created.results[0]?.typeId ?? 0;
    expect((await call('PUT', '/labels', { associationTypeId: typeId, label: 'Upsell' })).status).toBe(204);
    const after = (await (await call('GET', '/labels')).json()) as {
      results: Array<{ typeId: number; label: string | null }>;
    };
    expect(after.results).toContainEqual({ category: 'USER_DEFINED', typeId, label: 'Upsell' });
    expect((await call('DELETE', `/labels/${typeId}`)).status).toBe(204);
    const gone = (await (await call('GET', '/labels')).json()) as { results: Array<{ typeId: number }> };
    expect(gone.results.map((r) => r.typeId)).toEqual([175]);
  });

  it('associates in batch with associate/default', async () => {
    const { client } = await emu.portalWithClient();
    const api = client.crm.objects.basicApi;
    const deal = await api.create('deals', { properties: { dealname: 'D' } });
    const li = await api.create('line_items', { properties: { price: '1' } });
    await client.crm.associations.v4.batchApi.createDefault('deals', 'line_items', {
      inputs: [{ _from: { id: deal.id }, to: { id: li.id } }],
    });
    const links = await client.crm.associations.v4.basicApi.getPage('line_items', li.id, 'deals');
    expect(links.results[0]?.associationTypes[0]?.typeId).toBe(20);
  });

  it("answers a portal's renumbered default type in labels and inline creates, and refuses the old id", async () => {
    const { client, portalId } = await emu.portalWithClient();
    const renumbered = await emu.post(`/_emulator/portals/${portalId}/association-types`, {
      fromType: 'commerce_payments',
      toType: 'invoices',
      typeId: 9542,
      inverseTypeId: 9541,
    });
    expect(renumbered.status).toBe(204);
    const v4 = client.crm.associations.v4;
    const labels = await v4.schema.definitionsApi.getAll('commerce_payments', 'invoices');
    expect(labels.results).toEqual([{ category: 'HUBSPOT_DEFINED', typeId: 9542, label: null }]);
    const api = client.crm.objects.basicApi;
    const invoice = await api.create('invoices', { properties: { hs_currency: 'USD' } });
    const inline = (typeId: number) => [
      {
        to: { id: invoice.id },
        types: [{ associationCategory: Category.HubspotDefined, associationTypeId: typeId }],
      },
    ];
    const payment = await client.crm.objects.batchApi.create('commerce_payments', {
      inputs: [
        {
          properties: { hs_initial_amount: '0', hs_initiated_date: '2026-01-05' },
          associations: inline(9542),
        },
      ],
    });
    const paid = await v4.basicApi.getPage('invoices', invoice.id, 'commerce_payments');
    expect(String(paid.results[0]?.toObjectId)).toBe(payment.results[0]?.id);
    expect(paid.results[0]?.associationTypes[0]?.typeId).toBe(9541);
    await expect(
      client.crm.objects.batchApi.create('commerce_payments', {
        inputs: [
          {
            properties: { hs_initial_amount: '0', hs_initiated_date: '2026-01-05' },
            associations: inline(542),
          },
        ],
      }),
    ).rejects.toMatchObject({ code: 400 });
  });
});
