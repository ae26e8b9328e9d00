import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningEmulator, sdkError, startEmulator } from '../testing/start-emulator.ts';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ rateLimits: false });
});
afterAll(() => emu.close());

describe('properties API', () => {
  it('lists built-in definitions with read-only and unique flags', async () => {
    const { client } = await emu.portalWithClient();
    const all = await client.crm.properties.coreApi.getAll('invoices');
    const status = all.results.find((p) => p.name === 'hs_invoice_status');
    expect(status?.options.map((o) => o.value)).toEqual(['draft', 'open', 'paid', 'voided']);
    const balance = await client.crm.properties.coreApi.getByName('invoices', 'hs_balance_due');
    expect(balance.modificationMetadata?.readOnlyValue).toBe(true);
    const email = await client.crm.properties.coreApi.getByName('contacts', 'email');
    expect(email.hasUniqueValue).toBe(true);
  });

  it('creates an app group and a unique property usable as idProperty in upsert', async () => {
    const { client } = await emu.portalWithClient();
    await client.crm.properties.groupsApi.create('invoices', { name: 'ledgersync', label: 'LedgerSync' });
    const created = await client.crm.properties.coreApi.create('invoices', {
      name: 'ledgersync_qbo_id',
      label: 'QuickBooks id',
      type: 'string' as never,
      fieldType: 'text' as never,
      groupName: 'ledgersync',
      hasUniqueValue: true,
    });
    expect(created.hasUniqueValue).toBe(true);
    const groups = await client.crm.properties.groupsApi.getAll('invoices');
    expect(groups.results.map((g) => g.name)).toContain('ledgersync');
    const dup = await sdkError(
      client.crm.properties.coreApi.create('invoices', {
        name: 'ledgersync_qbo_id',
        label: 'again',
        type: 'string' as never,
        fieldType: 'text' as never,
        groupName: 'ledgersync',
      }),
    );
    expect(dup.code).toBe(409);
    const upsert = client.crm.objects.batchApi.upsert.bind(client.crm.objects.batchApi);
    const first = await upsert('invoices', {
      inputs: [{ id: 'QBO-1', idProperty: 'ledgersync_qbo_id', properties: { hs_currency: 'USD' } }],
    });
    expect(first.results[0]).toMatchObject({ _new: true, properties: { ledgersync_qbo_id: 'QBO-1' } });
    const second = await upsert('invoices', {
      inputs: [{ id: 'QBO-1', idProperty: 'ledgersync_qbo_id', properties: { hs_comments: 'hi' } }],
    });
    expect(second.results[0]).toMatchObject({ _new: false, id: first.results[0]?.id });
    const notUnique = await sdkError(
      upsert('invoices', {
        inputs: [{ id: 'x', idProperty: 'hs_comments', properties: { hs_currency: 'USD' } }],
      }),
    );
    expect(notUnique.code).toBe(400);
  });

  it('needs the schema write scope to create a property', async () => {
    const { client } = await emu.portalWithClient(['crm.objects.invoices.read']);
    const denied = await sdkError(
      client.crm.properties.coreApi.create('invoices', {
        name: 'x',
        label: 'x',
        type: 'string' as never,
        fieldType: 'text' as never,
        groupName: 'invoiceinformation',
      }),
    );
    expect(denied.code).toBe(403);
  });
});
