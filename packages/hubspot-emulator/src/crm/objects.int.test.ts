import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningEmulator, sdkError, startEmulator } from '../testing/start-emulator.ts';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ rateLimits: false });
});
afterAll(() => emu.close());

describe('CRM objects through @hubspot/api-client', () => {
  it('creates (201), reads, updates and archives a contact with string property values', async () => {
    const { client } = await emu.portalWithClient();
    const created = await client.crm.objects.basicApi.create('contacts', {
      properties: { email: 'ada@example.com', firstname: 'Ada' },
      associations: [],
    });
    expect(created.id).toMatch(/^\d+$/);
    expect(created.properties.hs_object_id).toBe(created.id);
    const read = await client.crm.objects.basicApi.getById('0-1', created.id, [
      'email',
      'phone',
      'not_a_property',
    ]);
    expect(read.properties).toMatchObject({
      email: 'ada@example.com',
      phone: null,
      hs_object_id: created.id,
    });
    expect(typeof read.properties.createdate).toBe('string');
    expect('not_a_property' in read.properties).toBe(false);
    const byEmail = await client.crm.objects.basicApi.getById(
      'contacts',
      'ADA@example.com',
      ['firstname'],
      undefined,
      undefined,
      false,
      'email',
    );
    expect(byEmail.id).toBe(created.id);
    const updated = await client.crm.objects.basicApi.update('contacts', created.id, {
      properties: { lastname: 'Lovelace' },
    });
    expect(updated.properties.lastname).toBe('Lovelace');
    await client.crm.objects.basicApi.archive('contacts', created.id);
    const gone = await sdkError(client.crm.objects.basicApi.getById('contacts', created.id));
    expect(gone.code).toBe(404);
    expect(gone.body).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND' });
    const archived = await client.crm.objects.basicApi.getPage(
      'contacts',
      10,
      undefined,
      undefined,
      undefined,
      undefined,
      true,
    );
    expect(archived.results.map((r) => [r.id, r.archived])).toEqual([[created.id, true]]);
    expect(typeof gone.body.correlationId).toBe('string');
  });

  it('rejects unknown and read-only properties with 400 VALIDATION_ERROR', async () => {
    const { client } = await emu.portalWithClient();
    const unknown = await sdkError(
      client.crm.objects.basicApi.create('products', { properties: { nope: 'x' } }),
    );
    expect(unknown.code).toBe(400);
    expect(unknown.body.category).toBe('VALIDATION_ERROR');
    expect(String(unknown.body.message)).toContain('PROPERTY_DOESNT_EXIST');
    const li = await client.crm.objects.basicApi.create('line_items', {
      properties: { quantity: '2', price: '5' },
    });
    const ro = await sdkError(
      client.crm.objects.basicApi.update('line_items', li.id, { properties: { amount: '1' } }),
    );
    expect(ro.code).toBe(400);
    expect(String(ro.body.message)).toContain('READ_ONLY_VALUE');
  });

  it('lists with limit and an after cursor, and refuses a limit above 100', async () => {
    const { client } = await emu.portalWithClient();
    for (const name of ['a', 'b', 'c'])
      await client.crm.objects.basicApi.create('companies', { properties: { name } });
    const first = await client.crm.objects.basicApi.getPage('companies', 2);
    expect(first.results.map((r) => r.properties.name)).toEqual(['a', 'b']);
    const after = first.paging?.next?.after;
    expect(after).toBeDefined();
    const second = await client.crm.objects.basicApi.getPage('companies', 2, after);
    expect(second.results.map((r) => r.properties.name)).toEqual(['c']);
    expect(second.paging).toBeUndefined();
    const tooMany = await sdkError(client.crm.objects.basicApi.getPage('companies', 101));
    expect(tooMany.code).toBe(400);
  });

  it('enforces unique values: a second contact with the same email is a 409', async () => {
    const { client } = await emu.portalWithClient();
    await client.crm.objects.basicApi.create('contacts', { properties: { email: 'x@example.com' } });
    const dup = await sdkError(
      client.crm.objects.basicApi.create('contacts', { properties: { email: 'x@example.com' } }),
    );
    expect(dup.code).toBe(409);
    expect(String(dup.body.message)).toMatch(/Contact already exists. Existing ID: \d+/);
  });

  it('answers 401 for an unknown token and 403 MISSING_SCOPES outside the granted scopes', async () => {
    const { client } = await emu.portalWithClient(['crm.objects.contacts.read']);
    const denied = await sdkError(client.crm.objects.basicApi.getPage('invoices'));
    expect(denied.code).toBe(403);
    expect(denied.body.category).toBe('MISSING_SCOPES');
    const res = await fetch(`${emu.url}/crm/v3/objects/contacts`, {
      headers: { authorization: 'Bearer nope' },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(((await res.json()) as { category: string }).category).toBe('INVALID_AUTHENTICATION');
  });
});
