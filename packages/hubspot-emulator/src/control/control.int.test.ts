import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningEmulator, sdkError, startEmulator } from '../testing/start-emulator.ts';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ rateLimits: false });
});
afterAll(() => emu.close());

describe('control API', () => {
  it('injects a status fault, a delay and a dropped connection on the next matching requests only', async () => {
    const { client, accessToken } = await emu.portalWithClient();
    await emu.post('/_emulator/faults', {
      method: 'GET',
      path: '/crm/v3/objects/products',
      count: 2,
      status: 503,
    });
    expect((await sdkError(client.crm.objects.basicApi.getPage('products'))).code).toBe(503);
    expect((await sdkError(client.crm.objects.basicApi.getPage('products'))).code).toBe(503);
    expect((await client.crm.objects.basicApi.getPage('products')).results).toEqual([]);
    await emu.post('/_emulator/faults', { path: '/\\/objects\\/companies$/', drop: true });
    await expect(
      fetch(`${emu.url}/crm/v3/objects/companies`, { headers: { authorization: `Bearer ${accessToken}` } }),
    ).rejects.toThrow();
    await emu.post('/_emulator/faults', {
      path: 'companies',
      delayMs: 5,
      status: 500,
      body: { status: 'error', message: 'boom' },
    });
    const res = await fetch(`${emu.url}/crm/v3/objects/companies`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ status: 'error', message: 'boom' });
  });

  it('logs requests and counts them by route and status, and reset clears everything', async () => {
    const { client, portalId } = await emu.portalWithClient();
    await fetch(`${emu.url}/_emulator/requests`, { method: 'DELETE' });
    await client.crm.objects.basicApi.create('contacts', { properties: { email: 'l@x.io' } });
    await client.crm.objects.basicApi.getPage('contacts');
    const counts = (await (await fetch(`${emu.url}/_emulator/requests/counts`)).json()) as {
      total: number;
      byRoute: Record<string, number>;
    };
    expect(counts.total).toBe(2);
    expect(counts.byRoute['POST /crm/v3/objects/:objectType']).toBe(1);
    const log = (await (await fetch(`${emu.url}/_emulator/requests`)).json()) as {
      requests: Array<{ portalId: number; status: number }>;
    };
    expect(log.requests[0]).toMatchObject({ portalId, status: 201 });
    await emu.post('/_emulator/reset', {});
    expect((await sdkError(client.crm.objects.basicApi.getPage('contacts'))).code).toBe(401);
  });

  it('plays a HubSpot user: act-as header and UI invoice actions record source HubSpot / CRM_UI', async () => {
    const { client, portalId, accessToken } = await emu.portalWithClient();
    const contact = await client.crm.objects.basicApi.create('contacts', {
      properties: { email: 'ui@x.io' },
    });
    const created = await emu.post(`/_emulator/portals/${portalId}/ui/invoices`, {
      userId: 7,
      contactId: contact.id,
      lineItems: [{ name: 'Consulting', quantity: '2', price: '50' }],
    });
    expect(created.status).toBe(201);
    const invoice = (await created.json()) as { id: string; properties: Record<string, string> };
    expect(invoice.properties).toMatchObject({
      hs_invoice_source: 'hubspot',
      hs_object_source: 'CRM_UI',
      hs_created_by_user_id: '7',
    });
    const edit = await fetch(`${emu.url}/_emulator/portals/${portalId}/ui/invoices/${invoice.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 7, properties: { hs_comments: 'from the UI' } }),
    });
    expect(((await edit.json()) as typeof invoice).properties).toMatchObject({
      hs_comments: 'from the UI',
      hs_updated_by_user_id: '7',
    });
    const open = (await (
      await emu.post(`/_emulator/portals/${portalId}/ui/invoices/${invoice.id}/finalize`, {})
    ).json()) as typeof invoice;
    expect(open.properties).toMatchObject({
      hs_invoice_status: 'open',
      hs_amount_billed: '100',
      hs_number: 'INV-1001',
    });
    const paid = (await (
      await emu.post(`/_emulator/portals/${portalId}/ui/invoices/${invoice.id}/payments`, { amount: '100' })
    ).json()) as { invoice: typeof invoice };
    expect(paid.invoice.properties.hs_invoice_status).toBe('paid');

    const asUser = await fetch(`${emu.url}/crm/v3/objects/invoices`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${accessToken}`,
        'content-type': 'application/json',
        'x-emulator-act-as-user': '9',
      },
      body: JSON.stringify({ properties: { hs_currency: 'USD' } }),
    });
    const byUser = (await asUser.json()) as { id: string };
    const read = await client.crm.objects.basicApi.getById('invoices', byUser.id, [
      'hs_invoice_source',
      'hs_object_source',
      'hs_object_source_id',
    ]);
    expect(read.properties).toMatchObject({
      hs_invoice_source: 'hubspot',
      hs_object_source: 'CRM_UI',
      hs_object_source_id: null,
    });
    const byApp = await client.crm.objects.basicApi.create('invoices', {
      properties: { hs_currency: 'USD' },
    });
    const appRead = await client.crm.objects.basicApi.getById('invoices', byApp.id, [
      'hs_invoice_source',
      'hs_object_source_id',
    ]);
    expect(appRead.properties.hs_invoice_source).toBe('api');
    expect(appRead.properties.hs_object_source_id).toMatch(/^\d+$/);
  });
});
