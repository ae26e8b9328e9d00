import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Portal } from '@ledgersync/db';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';

const poMapping = {
  hubspot: { property: 'hs_purchase_order_number', label: 'x', type: 'string' },
  quickbooks: { field: 'CustomField:1', label: 'x', type: 'string', custom: true },
  direction: 'two_way',
  enabled: true,
};

describe('settings API', () => {
  let t: TestServer;
  let pro: Portal;
  let free: Portal;
  let unconnected: Portal;

  beforeAll(async () => {
    t = await startTestServer();
    pro = await t.portal({ tier: 'professional', realmId: 'realm-pro' });
    free = await t.portal({ tier: 'free', realmId: 'realm-free' });
    unconnected = await t.portal();
  });
  afterAll(async () => t.close());

  it('shows connection, objects with default mappings, fixed and inbound filters, the lock of a free plan', async () => {
    const s = (await t.signed(t.app, pro, 'GET', '/api/v1/settings')).json();
    expect(s.connection).toMatchObject({ status: 'connected', realmId: 'realm-pro', country: 'US' });
    expect(s.objects.map((o: { object: string }) => o.object)).toEqual([
      'product',
      'customer',
      'invoice',
      'payment',
    ]);
    expect(s.objects[2]).toMatchObject({ direction: 'off', enabled: false, conflictResolution: 'hubspot' });
    expect(s.objects[2].defaultMappings).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 'dueDate', enabled: true, canDisable: true })]),
    );
    expect(s.invoice.outboundFilters).toHaveLength(3);
    expect(s.invoice.customMappingsLocked).toEqual({ locked: false, reason: null });
    expect(s.invoice.recommendedInboundFilter).toMatchObject({
      kind: 'primary',
      operator: 'gte',
      value: '2026-11-27',
    });
    const freeView = (await t.signed(t.app, free, 'GET', '/api/v1/settings')).json();
    expect(freeView.invoice.customMappingsLocked).toMatchObject({ locked: true });
    expect(freeView.invoice.customMappingsLocked.reason).toContain('this account is on the Free plan');
    expect(freeView.invoice.customMappingsLocked.reason).toContain('To upgrade');
    expect((await t.signed(t.app, unconnected, 'GET', '/api/v1/settings')).json().connection.status).toBe(
      'not_connected',
    );
  });

  it('guides set-up: QBO first, contacts and products before invoices, the Custom Line Item account', async () => {
    const noQbo = await t.signed(t.app, unconnected, 'PUT', '/api/v1/settings/objects/product', {
      enabled: true,
    });
    expect(noQbo.statusCode).toBe(409);
    expect(noQbo.json().error).toBe('quickbooks_not_connected');
    const early = await t.signed(t.app, pro, 'PUT', '/api/v1/settings/objects/invoice', { enabled: true });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      error: 'dependencies_not_set_up',
      details: { missing: ['customer', 'product'] },
    });
    for (const object of ['customer', 'product']) {
      const on = await t.signed(t.app, pro, 'PUT', `/api/v1/settings/objects/${object}`, {
        enabled: true,
        direction: 'two_way',
      });
      expect(on.statusCode).toBe(200);
      expect(on.json()).toMatchObject({ enabled: true, syncStartedAt: t.clock.now.toISOString() });
    }
    const noAccount = await t.signed(t.app, pro, 'PUT', '/api/v1/settings/objects/invoice', {
      enabled: true,
    });
    expect(noAccount.json().error).toBe('custom_line_item_account_missing');
  });

  it('lists income accounts and refuses an account QBO does not have', async () => {
    expect(
      (await t.signed(t.app, pro, 'GET', '/api/v1/settings/income-accounts')).json().accounts,
    ).toHaveLength(2);
    const bad = await t.signed(t.app, pro, 'PUT', '/api/v1/settings/custom-line-item-account', {
      accountId: '404',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toBe('unknown_account');
    const ok = await t.signed(t.app, pro, 'PUT', '/api/v1/settings/custom-line-item-account', {
      accountId: '79',
    });
    expect(ok.json()).toEqual({ customLineItemIncomeAccountId: '79' });
  });

  it('refuses outbound invoice sync to a non-US company (R-ERR-5), allows inbound only', async () => {
    t.quickbooks.companies.set('realm-pro', {
      ...(await t.quickbooks.gateway.company('x', 'y')),
      country: 'CA',
    });
    const out = await t.signed(t.app, pro, 'PUT', '/api/v1/settings/objects/invoice', {
      enabled: true,
      direction: 'two_way',
    });
    expect(out.statusCode).toBe(409);
    expect(out.json().error).toBe('tax_required_non_us');
    const inbound = await t.signed(t.app, pro, 'PUT', '/api/v1/settings/objects/invoice', {
      enabled: true,
      direction: 'quickbooks_to_hubspot',
    });
    expect(inbound.statusCode).toBe(200);
    const payments = await t.db.syncSettings.findUnique({
      where: { portalId_object: { portalId: pro.id, object: 'payment' } },
    });
    expect(payments?.enabled).toBe(false);
    t.quickbooks.companies.delete('realm-pro');
  });

  it('turns invoice sync on two-way with payments, edits it, and turns it off (R-CON-5, R-OBJ-4)', async () => {
    const on = await t.signed(t.app, pro, 'PUT', '/api/v1/settings/objects/invoice', {
      direction: 'two_way',
      conflictResolution: 'quickbooks',
    });
    expect(on.json()).toMatchObject({
      enabled: true,
      direction: 'two_way',
      conflictResolution: 'quickbooks',
    });
    const payments = await t.db.syncSettings.findUnique({
      where: { portalId_object: { portalId: pro.id, object: 'payment' } },
    });
    expect(payments).toMatchObject({ enabled: true, direction: 'two_way' });
    const off = await t.signed(t.app, pro, 'PUT', '/api/v1/settings/objects/invoice', { enabled: false });
    expect(off.json()).toMatchObject({ enabled: false, direction: 'two_way' });
    const again = await t.signed(t.app, pro, 'PUT', '/api/v1/settings/objects/invoice', { enabled: true });
    expect(again.json().enabled).toBe(true);
  });

  it('rejects invalid object settings bodies with the failing field named', async () => {
    const cases: [string, unknown, string][] = [
      ['/api/v1/settings/objects/invoice', {}, 'at least one'],
      ['/api/v1/settings/objects/invoice', { direction: 'sideways' }, 'direction'],
      ['/api/v1/settings/objects/invoice', { direction: 'off' }, 'direction'],
      ['/api/v1/settings/objects/invoice', { enabled: 'yes' }, 'enabled'],
      ['/api/v1/settings/objects/invoice', { conflictResolution: 'newest' }, 'conflictResolution'],
      ['/api/v1/settings/objects/invoice', { enabled: true, portalId: '1' }, 'portalId'],
      ['/api/v1/settings/objects/deals', { enabled: true }, 'object'],
    ];
    for (const [url, body, named] of cases) {
      const res = await t.signed(t.app, pro, 'PUT', url, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toBe('invalid_request');
      expect(res.json().message).toContain(named);
    }
  });

  it('toggles default mappings but never a required one (R-MAP-3)', async () => {
    const ok = await t.signed(t.app, pro, 'PUT', '/api/v1/settings/objects/invoice/fields', {
      disabledFields: ['comments'],
    });
    expect(ok.json().defaultMappings.find((m: { key: string }) => m.key === 'comments').enabled).toBe(false);
    const required = await t.signed(t.app, pro, 'PUT', '/api/v1/settings/objects/invoice/fields', {
      disabledFields: ['currency'],
    });
    expect(required.json()).toMatchObject({ error: 'field_required' });
    const unknown = await t.signed(t.app, pro, 'PUT', '/api/v1/settings/objects/invoice/fields', {
      disabledFields: ['nope'],
    });
    expect(unknown.json()).toMatchObject({ error: 'unknown_field' });
    const shape = await t.signed(t.app, pro, 'PUT', '/api/v1/settings/objects/invoice/fields', {
      disabledFields: 'comments',
    });
    expect(shape.statusCode).toBe(400);
  });

  it('serves both field catalogues, QBO custom fields included', async () => {
    const res = (await t.signed(t.app, pro, 'GET', '/api/v1/settings/field-catalogue')).json();
    expect(res.hubspot).toEqual(
      expect.arrayContaining([{ name: 'hs_due_date', label: 'Due date', type: 'date', readOnly: false }]),
    );
    expect(res.quickbooks).toEqual(
      expect.arrayContaining([
        { field: 'CustomField:1', label: 'PO number', type: 'string', custom: true },
        { field: 'TxnDate', label: 'Invoice date', type: 'date', custom: false },
      ]),
    );
  });

  it('creates, edits and deletes custom mappings with type checks, from the real catalogue (R-MAP-4/5)', async () => {
    const created = await t.signed(t.app, pro, 'POST', '/api/v1/settings/custom-mappings', poMapping);
    expect(created.statusCode).toBe(201);
    const [mapping] = created.json().customMappings;
    expect(mapping).toMatchObject({
      hubspot: { label: 'PO number', type: 'string' },
      quickbooks: { label: 'PO number' },
    });
    const twice = await t.signed(t.app, pro, 'POST', '/api/v1/settings/custom-mappings', poMapping);
    expect(twice.statusCode).toBe(400);
    expect(twice.json().message).toContain('already used');
    // The client claims both are strings; the catalogue says the HubSpot one is a date.
    const mismatch = await t.signed(t.app, pro, 'POST', '/api/v1/settings/custom-mappings', {
      ...poMapping,
      hubspot: { property: 'hs_due_date', label: 'x', type: 'string' },
      quickbooks: { field: 'TrackingNum', label: 'x', type: 'string', custom: false },
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error).toBe('mapping_type_mismatch');
    expect(mismatch.json().message).toContain('Due date');
    expect(mismatch.json().message).toContain('Tracking no.');
    const readOnly = await t.signed(t.app, pro, 'POST', '/api/v1/settings/custom-mappings', {
      ...poMapping,
      hubspot: { property: 'hs_amount_billed', label: 'x', type: 'number' },
    });
    expect(readOnly.json().error).toBe('read_only_field');
    const unknownField = await t.signed(t.app, pro, 'POST', '/api/v1/settings/custom-mappings', {
      ...poMapping,
      quickbooks: { field: 'CustomField:99', label: 'x', type: 'string', custom: true },
    });
    expect(unknownField.json().error).toBe('unknown_field');
    const edited = await t.signed(t.app, pro, 'PUT', `/api/v1/settings/custom-mappings/${mapping.id}`, {
      ...poMapping,
      direction: 'hubspot_to_quickbooks',
    });
    expect(edited.json().customMappings[0]).toMatchObject({
      id: mapping.id,
      direction: 'hubspot_to_quickbooks',
    });
    expect(
      (await t.signed(t.app, pro, 'PUT', '/api/v1/settings/custom-mappings/nope', poMapping)).statusCode,
    ).toBe(404);
    const removed = await t.signed(t.app, pro, 'DELETE', `/api/v1/settings/custom-mappings/${mapping.id}`);
    expect(removed.json()).toEqual({ customMappings: [] });
    expect(
      (await t.signed(t.app, pro, 'DELETE', `/api/v1/settings/custom-mappings/${mapping.id}`)).statusCode,
    ).toBe(404);
  });

  it('locks custom mappings on the free tier with the reason', async () => {
    const res = await t.signed(t.app, free, 'POST', '/api/v1/settings/custom-mappings', poMapping);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: 'tier_required' });
    expect(res.json().message).toContain('free');
    const shape = await t.signed(t.app, pro, 'POST', '/api/v1/settings/custom-mappings', {
      ...poMapping,
      direction: 'up',
    });
    expect(shape.statusCode).toBe(400);
  });

  it('saves inbound filters and refuses malformed ones (R-FLT-2)', async () => {
    const filters = [
      { kind: 'primary', field: 'TxnDate', operator: 'gte', value: '2026-11-27' },
      {
        kind: 'associated_with',
        association: 'customer',
        field: 'DisplayName',
        operator: 'eq',
        value: 'Acme',
      },
    ];
    const ok = await t.signed(t.app, pro, 'PUT', '/api/v1/settings/inbound-filters', { filters });
    expect(ok.json()).toEqual({ inboundFilters: filters });
    expect((await t.signed(t.app, pro, 'GET', '/api/v1/settings')).json().invoice.inboundFilters).toEqual(
      filters,
    );
    for (const bad of [
      { filters: [{ kind: 'primary', field: 'TxnDate', operator: 'roughly', value: 'x' }] },
      { filters: [{ kind: 'secondary', field: 'TxnDate', operator: 'eq', value: 'x' }] },
      {
        filters: [{ kind: 'associated_with', association: 'vendor', field: 'x', operator: 'eq', value: 'x' }],
      },
      { filters: 'all' },
    ]) {
      expect((await t.signed(t.app, pro, 'PUT', '/api/v1/settings/inbound-filters', bad)).statusCode).toBe(
        400,
      );
    }
  });

  it('checks the QBO recommendations with warnings (R-CON-6)', async () => {
    const good = (await t.signed(t.app, pro, 'GET', '/api/v1/settings/recommendations')).json();
    expect(good.checks.every((c: { ok: boolean }) => c.ok)).toBe(true);
    t.quickbooks.companies.set('realm-pro', {
      ...(await t.quickbooks.gateway.company('x', 'y')),
      customTransactionNumbers: true,
      bookCloseDate: null,
      revenueRecognitionEnabled: true,
    });
    const bad = (await t.signed(t.app, pro, 'GET', '/api/v1/settings/recommendations')).json();
    expect(bad.checks.map((c: { ok: boolean }) => c.ok)).toEqual([false, false, false]);
    expect(bad.checks[0].warning).toContain('custom transaction numbers');
    t.quickbooks.companies.delete('realm-pro');
  });

  it("keeps each portal's settings to itself", async () => {
    await t.signed(t.app, free, 'PUT', '/api/v1/settings/inbound-filters', { filters: [] });
    const proView = (await t.signed(t.app, pro, 'GET', '/api/v1/settings')).json();
    expect(proView.invoice.inboundFilters).toHaveLength(2);
    const freeView = (await t.signed(t.app, free, 'GET', '/api/v1/settings')).json();
    expect(freeView.objects.find((o: { object: string }) => o.object === 'invoice').enabled).toBe(false);
  });
});
