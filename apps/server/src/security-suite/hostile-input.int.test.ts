import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Portal } from '@ledgersync/db';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { TEST_CONFIG } from '../testing/test-server.ts';
import { hubspotQuery, type Method, sendSigned } from './hubspot-fetch.ts';
import { twoPortals } from './two-portals.ts';

const RUNS = 12;
const counts = { fuzzRequests: 0, hostileInputs: 0 };

/** Strings that break naive quoting, encoding, LIKE patterns and length limits. */
export const HOSTILE_STRINGS = [
  "O'Brien",
  '"; DROP TABLE "Portal"; --',
  "' OR '1'='1",
  'back\\slash\\\\',
  '100% off_%',
  'ünïcödé — 名前',
  '🧾💸👩‍💼',
  '\u0000nul',
  'line\nbreak\r\n',
  '<script>alert(1)</script>',
  'x'.repeat(10_240),
];

/** A client error says what is wrong; nothing hostile gets a 5xx. */
function expectClearOutcome(res: LightMyRequestResponse) {
  counts.fuzzRequests++;
  expect(res.statusCode).toBeLessThan(500);
  if (res.statusCode >= 400) {
    const body = res.json();
    expect(typeof body.error).toBe('string');
    expect(body.message.length).toBeGreaterThan(0);
  }
}

describe('hostile input: a clear error or a correct result, never a crash', () => {
  let w: Awaited<ReturnType<typeof twoPortals>>;
  let portal: Portal;
  const call = (method: Method, path: string, body?: string) => {
    w.t.clock.now = new Date(w.t.clock.now.getTime() + 1);
    return sendSigned(w.t.app, {
      method,
      url: hubspotQuery(path, portal.hubId),
      timestampMs: w.t.clock.now.getTime(),
      ...(body === undefined ? {} : { body }),
    });
  };
  const hubspotWebhook = (raw: string) => {
    w.t.clock.now = new Date(w.t.clock.now.getTime() + 1);
    return sendSigned(w.t.app, {
      method: 'POST',
      url: '/webhooks/hubspot',
      body: raw,
      timestampMs: w.t.clock.now.getTime(),
    });
  };
  const intuitWebhook = (raw: string) =>
    w.t.app.inject({
      method: 'POST',
      url: '/webhooks/quickbooks',
      headers: {
        'content-type': 'application/json',
        'intuit-signature': createHmac('sha256', TEST_CONFIG.quickbooks.webhookVerifierToken)
          .update(raw)
          .digest('base64'),
      },
      payload: raw,
    });

  beforeAll(async () => {
    w = await twoPortals();
    portal = w.a.portal;
  });
  afterAll(async () => {
    console.info(
      `hostile input: ${counts.hostileInputs} named hostile inputs, ${counts.fuzzRequests} fuzzed requests`,
    );
    await w.t.close();
  });

  it('webhooks: signed bodies of any shape get 200 or a clear 400', async () => {
    const anything = fc.oneof(
      fc.anything(),
      fc.constantFrom(8.64e15 + 1, 1e300, -1, '0-53', 'object.creation'),
    );
    const hubspotEvent = fc.record(
      {
        eventId: fc.oneof(fc.nat(), anything),
        subscriptionId: fc.oneof(fc.nat(), anything),
        portalId: fc.oneof(fc.constant(Number(portal.hubId)), anything),
        occurredAt: fc.oneof(fc.nat(), fc.double(), fc.constantFrom(8.64e15 + 1, Number.MAX_SAFE_INTEGER)),
        subscriptionType: fc.oneof(fc.constantFrom('object.creation', 'contact.propertyChange'), anything),
        objectTypeId: fc.oneof(fc.constantFrom('0-1', '0-53'), anything),
        objectId: fc.oneof(fc.nat(), anything),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.array(hubspotEvent, { maxLength: 4 }), fc.jsonValue()), async (body) => {
        expectClearOutcome(await hubspotWebhook(JSON.stringify(body)));
      }),
      { numRuns: RUNS * 2 },
    );
    const classic = fc.record({
      eventNotifications: fc.array(
        fc.record({
          realmId: fc.oneof(fc.constant(w.a.realmId), anything),
          dataChangeEvent: fc.record({
            entities: fc.array(
              fc.record(
                {
                  name: fc.oneof(fc.constant('Invoice'), anything),
                  id: anything,
                  operation: anything,
                  lastUpdated: anything,
                },
                { requiredKeys: [] },
              ),
              { maxLength: 3 },
            ),
          }),
        }),
        { maxLength: 3 },
      ),
    });
    const cloud = fc.array(
      fc.record(
        {
          specversion: fc.oneof(fc.constant('1.0'), anything),
          id: anything,
          type: fc.oneof(fc.constant('qbo.invoice.updated.v1'), anything),
          time: anything,
          intuitentityid: anything,
          intuitaccountid: fc.oneof(fc.constant(w.a.realmId), anything),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 3 },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(classic, cloud, fc.jsonValue()), async (body) => {
        expectClearOutcome(await intuitWebhook(JSON.stringify(body)));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('settings API: any JSON body on any writing route gets a result or a clear 4xx; settings stay readable', async () => {
    const routes: [Method, string][] = [
      ['PUT', '/api/v1/settings/objects/invoice'],
      ['PUT', '/api/v1/settings/objects/customer/fields'],
      ['PUT', '/api/v1/settings/inbound-filters'],
      ['POST', '/api/v1/settings/custom-mappings'],
      ['PUT', `/api/v1/settings/custom-mappings/${w.a.ids.mappingId}`],
      ['PUT', '/api/v1/settings/custom-line-item-account'],
      ['PUT', '/api/v1/settings/tax-mapping'],
      ['POST', '/api/v1/backfills'],
    ];
    const hostile = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string(), fc.anything());
    const plausible = fc.record(
      {
        enabled: fc.oneof(fc.boolean(), hostile),
        direction: fc.oneof(fc.constantFrom('two_way', 'hubspot_to_quickbooks', 'off'), hostile),
        conflictResolution: hostile,
        disabledFields: fc.oneof(fc.array(hostile), hostile),
        filters: fc.oneof(
          fc.array(
            fc.record(
              {
                kind: fc.constantFrom('primary', 'associated_with'),
                field: hostile,
                operator: hostile,
                value: hostile,
                association: hostile,
              },
              { requiredKeys: [] },
            ),
            { maxLength: 3 },
          ),
          hostile,
        ),
        hubspot: fc.oneof(fc.record({ property: hostile, label: hostile, type: hostile }), hostile),
        quickbooks: fc.oneof(
          fc.record({ field: hostile, label: hostile, type: hostile, custom: hostile }),
          hostile,
        ),
        accountId: hostile,
        defaultTaxCodeId: hostile,
        byHubspotProductId: fc.oneof(fc.dictionary(fc.string(), hostile), hostile),
        from: fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          hostile,
        ),
        to: fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          hostile,
        ),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(plausible, fc.jsonValue()),
        async ([method, path], body) => {
          expectClearOutcome(await call(method, path, JSON.stringify(body)));
        },
      ),
      { numRuns: RUNS * 4 },
    );
    // Params too: any object name, mapping id, record id or backfill id.
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/api/v1/settings/objects/',
          '/api/v1/records/',
          '/api/v1/backfills/',
          '/api/v1/invoices/',
        ),
        fc.oneof(fc.constantFrom(...HOSTILE_STRINGS.slice(0, -1)), fc.string({ minLength: 1 })),
        async (prefix, id) => {
          const method: Method = prefix.includes('objects') ? 'PUT' : 'GET';
          const suffix = prefix.includes('invoices')
            ? '/card'
            : prefix.includes('records')
              ? '/activity'
              : '';
          expectClearOutcome(
            await call(
              method,
              `${prefix}${encodeURIComponent(id)}${suffix}`,
              method === 'PUT' ? '{"enabled":false}' : undefined,
            ),
          );
        },
      ),
      { numRuns: RUNS },
    );
    const settings = await call('GET', '/api/v1/settings');
    expect(settings.statusCode).toBe(200);
  });

  it('hostile strings in filter values and record queries are stored and read back exactly, or refused clearly', async () => {
    for (const value of HOSTILE_STRINGS) {
      counts.hostileInputs++;
      const filters = [{ kind: 'primary', field: 'CustomerMemo', operator: 'contains', value }];
      const saved = await call('PUT', '/api/v1/settings/inbound-filters', JSON.stringify({ filters }));
      expectClearOutcome(saved);
      if (saved.statusCode === 200) {
        // No silent truncation or re-encoding: what is read back is what was sent.
        const read = (await call('GET', '/api/v1/settings')).json().invoice.inboundFilters;
        expect(read).toEqual(filters);
      }
      // A hostile error-code filter matches nothing (not everything): no widened query.
      const records = await call(
        'GET',
        `/api/v1/records?errorCode=${encodeURIComponent(value.slice(0, 200))}`,
      );
      expectClearOutcome(records);
      if (records.statusCode === 200) expect(records.json().total).toBe(0);
    }
    // The control: a real code finds the seeded failed record.
    expect((await call('GET', '/api/v1/records?errorCode=closed_period')).json().total).toBe(1);
  });

  it('malformed, oversized, deeply nested and mistyped bodies', async () => {
    const cases: [string, () => Promise<LightMyRequestResponse>, number, string][] = [
      [
        'truncated JSON',
        () => call('PUT', '/api/v1/settings/inbound-filters', '{"filters": ['),
        400,
        'malformed_json',
      ],
      [
        'not JSON',
        () => call('PUT', '/api/v1/settings/inbound-filters', "filters='x'"),
        400,
        'malformed_json',
      ],
      [
        'JSON with a BOM',
        () => call('PUT', '/api/v1/settings/inbound-filters', '\uFEFF{"filters":[]}'),
        400,
        'malformed_json',
      ],
      [
        'duplicate keys, second wins',
        () => call('PUT', '/api/v1/settings/objects/invoice', '{"enabled":true,"enabled":"yes"}'),
        400,
        'invalid_request',
      ],
      [
        'wrong types',
        () => call('PUT', '/api/v1/settings/objects/invoice', '{"enabled":"true"}'),
        400,
        'invalid_request',
      ],
      [
        'array for object',
        () => call('PUT', '/api/v1/settings/inbound-filters', '[]'),
        400,
        'invalid_request',
      ],
      ['null body', () => call('PUT', '/api/v1/settings/inbound-filters', 'null'), 400, 'invalid_request'],
      [
        'prototype pollution',
        () =>
          call(
            'PUT',
            '/api/v1/settings/objects/invoice',
            '{"__proto__":{"enabled":true},"constructor":{"prototype":{"x":1}}}',
          ),
        400,
        'invalid_request',
      ],
      [
        'deeply nested',
        () => call('PUT', '/api/v1/settings/inbound-filters', `${'['.repeat(20_000)}${']'.repeat(20_000)}`),
        400,
        'invalid_request',
      ],
      [
        'deeply nested object',
        () => call('POST', '/api/v1/backfills', `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`),
        400,
        'invalid_request',
      ],
      [
        'oversized',
        () =>
          call(
            'PUT',
            '/api/v1/settings/inbound-filters',
            JSON.stringify({ filters: [], pad: 'x'.repeat(1_100_000) }),
          ),
        413,
        'body_too_large',
      ],
      [
        'oversized webhook',
        () => hubspotWebhook(JSON.stringify([{ pad: 'x'.repeat(1_100_000) }])),
        413,
        'body_too_large',
      ],
      [
        'deeply nested webhook',
        () => intuitWebhook(`${'['.repeat(20_000)}${']'.repeat(20_000)}`),
        400,
        'malformed_webhook',
      ],
      [
        'webhook timestamp beyond a Date',
        () =>
          hubspotWebhook(
            JSON.stringify([
              {
                eventId: 1,
                subscriptionId: 1,
                portalId: Number(portal.hubId),
                occurredAt: 8.64e15 + 1,
                subscriptionType: 'contact.creation',
                objectId: 1,
              },
            ]),
          ),
        400,
        'malformed_webhook',
      ],
      [
        'NUL in a JSON string',
        () =>
          call(
            'PUT',
            '/api/v1/settings/inbound-filters',
            JSON.stringify({
              filters: [{ kind: 'primary', field: 'CustomerMemo', operator: 'eq', value: 'a\u0000b' }],
            }),
          ),
        400,
        'nul_character',
      ],
      [
        'NUL in a query parameter',
        () => call('GET', '/api/v1/records?errorCode=a%00b'),
        400,
        'nul_character',
      ],
      [
        '1001 events (over the batch limit)',
        () =>
          hubspotWebhook(
            JSON.stringify(
              Array.from({ length: 1001 }, (_, i) => ({
                eventId: i,
                subscriptionId: 1,
                portalId: 1,
                occurredAt: 1,
                subscriptionType: 'contact.creation',
                objectId: i,
              })),
            ),
          ),
        400,
        'malformed_webhook',
      ],
    ];
    for (const [name, send, status, error] of cases) {
      counts.hostileInputs++;
      const res = await send();
      expect({ name, status: res.statusCode, error: res.json().error }).toEqual({ name, status, error });
      expect(res.json().message.length).toBeGreaterThan(0);
    }
    expect(Object.prototype).not.toHaveProperty('x');
    expect((await call('GET', '/api/v1/settings')).statusCode).toBe(200);
  });
});
