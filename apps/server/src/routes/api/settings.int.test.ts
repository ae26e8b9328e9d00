import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Portal, saveObjectSettings } from '@ledgersync/db';
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
    expect(s.invoice.recommendedInboundFilter).toEqual({
      label: 'Only invoices created in QuickBooks after this filter is added',
      filter: {
        kind: 'primary',
        field: 'createdAt',
        operator: 'gt',
        value: expect.stringMatching(/^2026-11-27T12:00/),
      },
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

  it('saves inbound filters from the catalogue, migrating QuickBooks names; refuses malformed ones (R-FLT-2)', async () => {
    const filters = [
      { kind: 'primary', field: 'TxnDate', operator: 'gte', value: '2026-11-27' },
      {
        kind: 'associated_with',
        association: 'customer',
        field: 'DisplayName',
        operator: 'eq',
        value: 'Acme',
      },
      { kind: 'primary', field: 'customer', operator: 'in', value: ['58'] },
    ];
    const ok = await t.signed(t.app, pro, 'PUT', '/api/v1/settings/inbound-filters', { filters });
    expect(ok.statusCode).toBe(200);
    const migrated = [
      { kind: 'primary', field: 'issueDate', operator: 'gte', value: '2026-11-27' },
      {
        kind: 'associated_with',
        association: 'customer',
        field: 'displayName',
        operator: 'eq',
        value: 'Acme',
      },
      { kind: 'primary', field: 'customer', operator: 'in', value: ['58'] },
    ];
    expect(ok.json().inboundFilters).toEqual(migrated);
    const view = (await t.signed(t.app, pro, 'GET', '/api/v1/settings')).json().invoice;
    expect(view.inboundFilters).toEqual(migrated);
    expect(view.inboundFilterChecks.map((c: { description: string }) => c.description)).toEqual([
      'Invoice date is on or after 27 Nov 2026',
      'Customer\'s Display name is "Acme"',
      'Customer is any of "58"',
    ]);
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

  it('refuses a filter field outside the catalogue or an operator that does not fit, naming the allowed ones (R-FLT-2)', async () => {
    const unknown = await t.signed(t.app, pro, 'PUT', '/api/v1/settings/inbound-filters', {
      filters: [{ kind: 'primary', field: 'ShoeSize', operator: 'eq', value: '9' }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      error: 'unknown_filter_field',
      details: {
        index: 0,
        field: 'ShoeSize',
        allowed: expect.arrayContaining(['createdAt', 'total', 'customer']),
      },
    });
    expect(unknown.json().message).toContain('"ShoeSize" is not a field');
    expect(unknown.json().message).toContain('createdAt');
    const operator = await t.signed(t.app, pro, 'PUT', '/api/v1/settings/inbound-filters', {
      filters: [{ kind: 'primary', field: 'total', operator: 'contains', value: '9' }],
    });
    expect(operator.json()).toMatchObject({
      error: 'operator_not_allowed',
      details: { field: 'total', allowed: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'is_known', 'is_unknown'] },
    });
    // Custom fields are checked against the company's own definitions.
    const custom = await t.signed(t.app, pro, 'PUT', '/api/v1/settings/inbound-filters', {
      filters: [{ kind: 'primary', field: 'CustomField:99', operator: 'eq', value: 'x' }],
    });
    expect(custom.json()).toMatchObject({
      error: 'unknown_filter_field',
      details: { field: 'CustomField:99' },
    });
    const po = await t.signed(t.app, pro, 'PUT', '/api/v1/settings/inbound-filters', {
      filters: [{ kind: 'primary', field: 'CustomField:1', operator: 'starts_with', value: 'PO-' }],
    });
    expect(po.json().inboundFilterChecks[0].description).toBe('PO number starts with "PO-"');
  });

  it('shows a stored filter the engine cannot evaluate as broken, with the fix (R-FLT-2)', async () => {
    // As an earlier version saved it, before fields came from the catalogue.
    await saveObjectSettings(t.db, pro.id, [
      {
        object: 'invoice',
        patch: { inboundFilters: [{ kind: 'primary', field: 'Shoe size', operator: 'eq', value: '9' }] },
      },
    ]);
    const view = (await t.signed(t.app, pro, 'GET', '/api/v1/settings')).json().invoice;
    expect(view.inboundFilterChecks).toEqual([
      {
        index: 0,
        description: null,
        problem: expect.objectContaining({ code: 'unknown_filter_field', field: 'Shoe size' }),
        fix: expect.stringContaining('does not apply this filter until it is fixed'),
      },
    ]);
    await t.signed(t.app, pro, 'PUT', '/api/v1/settings/inbound-filters', { filters: [] });
  });

  it('adds the recommended "created after today" filter stamped with the moment it is added (R-FLT-2)', async () => {
    const view = (await t.signed(t.app, pro, 'GET', '/api/v1/settings')).json().invoice;
    expect(view.recommendedInboundFilter.filter).toMatchObject({ field: 'createdAt', operator: 'gt' });
    const added = await t.signed(t.app, pro, 'POST', '/api/v1/settings/inbound-filters/recommended');
    expect(added.statusCode).toBe(200);
    // The test clock moves a millisecond per request: the stamp is the server's now, not a date.
    expect(added.json().inboundFilters).toEqual([
      {
        kind: 'primary',
        field: 'createdAt',
        operator: 'gt',
        value: expect.stringMatching(/^2026-11-27T12:00:00\.\d{3}Z$/),
      },
    ]);
    expect(added.json().inboundFilterChecks[0].description).toBe(
      'Created date is after 27 Nov 2026, 12:00 UTC',
    );
    await t.signed(t.app, pro, 'PUT', '/api/v1/settings/inbound-filters', { filters: [] });
  });

  it('serves the filter catalogue the engine evaluates, and searches QuickBooks customers to pick (R-FLT-2, R-FLT-5)', async () => {
    const { filters } = (await t.signed(t.app, pro, 'GET', '/api/v1/settings/field-catalogue')).json();
    expect(filters.invoice.map((f: { name: string }) => f.name)).toEqual([
      'createdAt',
      'issueDate',
      'dueDate',
      'total',
      'balance',
      'currency',
      'status',
      'customer',
      'number',
      'CustomField:1',
    ]);
    expect(filters.invoice[0]).toEqual({
      name: 'createdAt',
      label: 'Created date',
      type: 'datetime',
      operators: ['gt', 'gte', 'lt', 'lte', 'is_known', 'is_unknown'],
    });
    expect(filters.customer.quickbooks[0]).toMatchObject({ name: 'active', type: 'boolean' });
    expect(filters.product.hubspot.map((f: { name: string }) => f.name)).toContain('hs_sku');
    const found = await t.signed(t.app, pro, 'GET', '/api/v1/settings/quickbooks-customers?search=acme');
    expect(found.json()).toEqual({
      customers: [
        { id: '58', name: 'Acme Corp' },
        { id: '59', name: 'Acme Widgets' },
      ],
    });
    const empty = await t.signed(t.app, pro, 'GET', '/api/v1/settings/quickbooks-customers?search=');
    expect(empty.statusCode).toBe(400);
  });

  it('saves contact and product rule filters, refusing fields outside the catalogue; recommends billing contacts (R-FLT-5)', async () => {
    const view = (await t.signed(t.app, pro, 'GET', '/api/v1/settings')).json();
    const contacts = view.objects.find((o: { object: string }) => o.object === 'customer');
    expect(contacts.recommendedFilter).toEqual({
      label: 'Only contacts that are the billing contact of a synced invoice',
      filter: { kind: 'billing_contact_of_synced_invoice' },
    });
    const saved = await t.signed(t.app, pro, 'PUT', '/api/v1/settings/objects/customer/filters', {
      filters: [
        { kind: 'property', side: 'hubspot', field: 'email', operator: 'contains', value: '@client.com' },
      ],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().filterChecks[0].description).toBe('HubSpot: Email contains "@client.com"');
    const added = await t.signed(t.app, pro, 'POST', '/api/v1/settings/objects/customer/filters/recommended');
    expect(added.json().filters).toEqual([
      { kind: 'property', side: 'hubspot', field: 'email', operator: 'contains', value: '@client.com' },
      { kind: 'billing_contact_of_synced_invoice' },
    ]);
    const bad = await t.signed(t.app, pro, 'PUT', '/api/v1/settings/objects/product/filters', {
      filters: [{ kind: 'property', side: 'quickbooks', field: 'Type', operator: 'eq', value: 'Service' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      error: 'unknown_filter_field',
      details: { field: 'Type', allowed: ['active', 'type', 'name', 'sku', 'unitPrice', 'description'] },
    });
    const wrongKind = await t.signed(t.app, pro, 'PUT', '/api/v1/settings/objects/product/filters', {
      filters: [{ kind: 'billing_contact_of_synced_invoice' }],
    });
    expect(wrongKind.json().error).toBe('filter_kind_not_allowed');
    const notARule = await t.signed(t.app, pro, 'PUT', '/api/v1/settings/objects/invoice/filters', {
      filters: [],
    });
    expect(notARule.statusCode).toBe(400);
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
    await t.signed(t.app, pro, 'PUT', '/api/v1/settings/inbound-filters', {
      filters: [
        { kind: 'primary', field: 'total', operator: 'gt', value: '10' },
        { kind: 'primary', field: 'currency', operator: 'eq', value: 'USD' },
      ],
    });
    await t.signed(t.app, free, 'PUT', '/api/v1/settings/inbound-filters', { filters: [] });
    const proView = (await t.signed(t.app, pro, 'GET', '/api/v1/settings')).json();
    expect(proView.invoice.inboundFilters).toHaveLength(2);
    const freeView = (await t.signed(t.app, free, 'GET', '/api/v1/settings')).json();
    expect(freeView.objects.find((o: { object: string }) => o.object === 'invoice').enabled).toBe(false);
  });
});
