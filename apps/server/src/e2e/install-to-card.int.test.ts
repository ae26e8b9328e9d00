import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createHubSpotInstallationRepository,
  createPrismaClient,
  createPrismaSyncStore,
  createTokenCipher,
  type Db,
  parseKeyring,
} from '@ledgersync/db';
import { createTestDatabase, type TestDatabase } from '@ledgersync/db/testing';
import { REQUIRED_SCOPE_LIST } from '@ledgersync/hubspot';
import { createHubSpotEmulator, signatureV3 } from '@ledgersync/hubspot-emulator';
import { intuitEndpointsAt } from '@ledgersync/quickbooks';
import { createQuickBooksEmulator } from '@ledgersync/quickbooks-emulator';
import { drainPortal } from '@ledgersync/sync-engine';
// The worker's production wiring is not on its public surface yet; the test borrows it by path.
import { createAdapterPortsFor, workerEnvSchema } from '@ledgersync/worker';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { createHubSpotPackageGateway } from '../adapters/hubspot-package-gateway.ts';
import { createQuickBooksPackageGateway } from '../adapters/quickbooks-package-gateway.ts';
import { buildServer } from '../build-server.ts';
import type { ServerConfig } from '../server-config.ts';
import { TEST_CONFIG } from '../testing/test-server.ts';

const PUBLIC_URL = 'https://ledgersync.test';
const HS = { clientId: 'e2e-hs-client', clientSecret: 'e2e-hs-secret-value', appId: 4_100_001 };
const QB = { clientId: 'e2e-qb-client', clientSecret: 'e2e-qb-secret-value' };

interface HsObject {
  id: string;
  properties: Record<string, string>;
}

describe('end to end through both emulators', () => {
  let database: TestDatabase;
  let db: Db;
  let hubspot: FastifyInstance;
  let qbo: Awaited<ReturnType<typeof createQuickBooksEmulator>>;
  let server: FastifyInstance;
  let hubspotUrl: string;
  let qboUrl: string;
  const keys = `k1:${randomBytes(32).toString('base64')}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createPrismaClient(database.url, { maxConnections: 4 });
    hubspot = createHubSpotEmulator({
      rateLimits: false,
      app: {
        appId: HS.appId,
        clientId: HS.clientId,
        clientSecret: HS.clientSecret,
        redirectUris: [`${PUBLIC_URL}/oauth/hubspot/callback`],
      },
    });
    await hubspot.listen({ host: '127.0.0.1', port: 0 });
    const address = hubspot.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    hubspotUrl = `http://127.0.0.1:${address.port}`;
    qbo = createQuickBooksEmulator({
      rateLimits: false,
      clientId: QB.clientId,
      clientSecret: QB.clientSecret,
      redirectUris: [`${PUBLIC_URL}/oauth/quickbooks/callback`],
    });
    qboUrl = await qbo.listen({ host: '127.0.0.1', port: 0 });
    const keyring = parseKeyring(keys);
    if (!keyring.ok) throw new Error(keyring.error);
    const config: ServerConfig = {
      ...TEST_CONFIG,
      publicUrl: PUBLIC_URL,
      hubspot: {
        ...TEST_CONFIG.hubspot,
        appId: String(HS.appId),
        clientId: HS.clientId,
        clientSecret: HS.clientSecret,
        authBaseUrl: hubspotUrl,
        scopes: REQUIRED_SCOPE_LIST,
      },
      quickbooks: { ...TEST_CONFIG.quickbooks, clientId: QB.clientId, clientSecret: QB.clientSecret },
    };
    server = await buildServer(
      {
        db,
        cipher: createTokenCipher(keyring.keys, 'k1'),
        config,
        hubspot: createHubSpotPackageGateway({
          basePath: hubspotUrl,
          clientId: HS.clientId,
          clientSecret: HS.clientSecret,
          redirectUri: `${PUBLIC_URL}/oauth/hubspot/callback`,
          now: Date.now,
        }),
        quickbooks: createQuickBooksPackageGateway({
          apiBaseUrl: qboUrl,
          clientId: QB.clientId,
          clientSecret: QB.clientSecret,
          redirectUri: `${PUBLIC_URL}/oauth/quickbooks/callback`,
          environment: 'sandbox',
          endpoints: intuitEndpointsAt(qboUrl),
        }),
      },
      { logger: { level: 'error' } },
    );
  });
  afterAll(async () => {
    await server?.close();
    await hubspot?.close();
    await qbo?.close();
    await db?.$disconnect();
    await database?.drop();
  });

  const signed = (hubId: string, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) => {
    const sep = path.includes('?') ? '&' : '?';
    const url = `${path}${sep}userId=1&appId=${HS.appId}&portalId=${hubId}`;
    const raw = body === undefined ? '' : JSON.stringify(body);
    const ts = String(Date.now());
    return server.inject({
      method,
      url,
      headers: {
        'x-hubspot-request-timestamp': ts,
        'x-hubspot-signature-v3': signatureV3(
          HS.clientSecret,
          method,
          `${PUBLIC_URL}${url}`,
          raw,
          Number(ts),
        ),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { payload: raw }),
    });
  };
  const followTo = async (url: string): Promise<URL> => {
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(302);
    return new URL(res.headers.get('location') ?? '');
  };
  const local = (u: URL) => `${u.pathname}${u.search}`;

  it('install → connect QBO → turn on invoice sync → a finalized HubSpot invoice reaches QBO → the card shows it synced', async () => {
    // Install (R-CON-1): our redirect, HubSpot's consent (approved on a fresh portal), our callback.
    const { portalId: hubIdNumber } = (await (
      await fetch(`${hubspotUrl}/_emulator/portals`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tier: 'professional' }),
      })
    ).json()) as { portalId: number };
    const hubId = String(hubIdNumber);
    const install = await server.inject({ method: 'GET', url: '/oauth/hubspot/install' });
    const authorize = new URL(install.headers.location as string);
    authorize.searchParams.set('portalId', hubId);
    authorize.searchParams.set('approve', '1');
    const back = await followTo(authorize.toString());
    const installed = await server.inject({ method: 'GET', url: local(back) });
    expect(installed.statusCode).toBe(302);
    const portal = await db.portal.findUniqueOrThrow({ where: { hubId: BigInt(hubId) } });

    // Connect QBO (R-CON-2) from the signed settings page.
    const start = await signed(hubId, 'POST', '/api/v1/connections/quickbooks');
    const consent = new URL(start.json().authorizeUrl);
    const qboBack = await followTo(`${qboUrl}/connect/oauth2/approve${consent.search}`);
    const connected = await server.inject({ method: 'GET', url: local(qboBack) });
    expect(connected.statusCode).toBe(302);
    const settings = (await signed(hubId, 'GET', '/api/v1/settings')).json();
    expect(settings.connection.status).toBe('connected');

    // Turn on contacts, products, then invoices with the Custom Line Item account.
    for (const object of ['contacts', 'products']) {
      expect(
        (await signed(hubId, 'PUT', `/api/v1/settings/objects/${object}`, { enabled: true })).statusCode,
      ).toBe(200);
    }
    const accounts = (await signed(hubId, 'GET', '/api/v1/settings/income-accounts')).json().accounts;
    expect(accounts.length).toBeGreaterThan(0);
    await signed(hubId, 'PUT', '/api/v1/settings/custom-line-item-account', { accountId: accounts[0].id });
    const invoicesOn = await signed(hubId, 'PUT', '/api/v1/settings/objects/invoices', {
      enabled: true,
      direction: 'two_way',
    });
    expect(invoicesOn.json()).toMatchObject({ enabled: true, direction: 'two_way' });

    // A finalized HubSpot invoice, made after the sync started.
    const token = (
      await createHubSpotInstallationRepository(db, createTokenCipher(parseKeyringOrThrow(keys), 'k1')).find(
        portal.id,
      )
    )?.tokens.accessToken;
    const hs = async <T>(path: string, body: unknown): Promise<T> =>
      (await (
        await fetch(`${hubspotUrl}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(body),
        })
      ).json()) as T;
    const control = async <T>(path: string, body: unknown = {}): Promise<T> =>
      (await (
        await fetch(`${hubspotUrl}/_emulator${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json()) as T;
    const contact = await hs<HsObject>('/crm/v3/objects/contacts', {
      properties: { email: 'ada@example.com', firstname: 'Ada', lastname: 'Lovelace' },
    });
    const draft = await control<HsObject>(`/portals/${hubId}/ui/invoices`, {
      contactId: contact.id,
      lineItems: [{ name: 'Setup', quantity: '2', price: '40' }],
    });
    await control(`/portals/${hubId}/ui/invoices/${draft.id}/finalize`);

    // HubSpot's webhook reaches us, signed; the notice is stored and the portal's job queued.
    const raw = JSON.stringify([
      {
        eventId: 1,
        subscriptionId: 1,
        portalId: Number(hubId),
        appId: HS.appId,
        occurredAt: Date.now(),
        subscriptionType: 'object.propertyChange',
        objectTypeId: '0-53',
        objectId: Number(draft.id),
        propertyName: 'hs_invoice_status',
        propertyValue: 'open',
      },
    ]);
    const ts = String(Date.now());
    const webhook = await server.inject({
      method: 'POST',
      url: '/webhooks/hubspot',
      payload: raw,
      headers: {
        'content-type': 'application/json',
        'x-hubspot-request-timestamp': ts,
        'x-hubspot-signature-v3': signatureV3(
          HS.clientSecret,
          'POST',
          `${PUBLIC_URL}/webhooks/hubspot`,
          raw,
          Number(ts),
        ),
      },
    });
    expect(webhook.json()).toMatchObject({ stored: 1 });

    // The worker's drain for this portal, with its production adapters.
    const env = workerEnvSchema.parse({
      DATABASE_URL: database.url,
      TOKEN_ENCRYPTION_KEYS: keys,
      HUBSPOT_CLIENT_ID: HS.clientId,
      HUBSPOT_CLIENT_SECRET: HS.clientSecret,
      HUBSPOT_API_BASE_URL: hubspotUrl,
      QBO_CLIENT_ID: QB.clientId,
      QBO_CLIENT_SECRET: QB.clientSecret,
      QBO_API_BASE_URL: qboUrl,
      QBO_TOKEN_BASE_URL: qboUrl,
    });
    const ports = await createAdapterPortsFor(db, env, pino({ level: 'silent' }))(portal.id);
    if (!ports) throw new Error('the worker found no usable connection');
    const store = createPrismaSyncStore(db);
    for (let i = 0; i < 5; i++) {
      await drainPortal({ ...ports, store, clock: { now: () => new Date() } }, portal.id);
      if ((await db.changeNotice.count({ where: { portalId: portal.id, processedAt: null } })) === 0) break;
    }

    const card = (await signed(hubId, 'GET', `/api/v1/invoices/${draft.id}/card`)).json();
    expect(card).toMatchObject({ invoiceId: draft.id, status: 'synced', error: null });
    expect(card.quickbooks.id).toMatch(/^\d+$/);
    expect(card.quickbooks.url).toContain(`txnId=${card.quickbooks.id}`);
    expect(card.activity.length).toBeGreaterThan(0);

    // The same real gateways serve the settings page's QBO and HubSpot reads and the export.
    const catalogue = (await signed(hubId, 'GET', '/api/v1/settings/field-catalogue')).json();
    expect(catalogue.hubspot.some((p: { name: string }) => p.name === 'hs_due_date')).toBe(true);
    expect(catalogue.quickbooks.some((f: { field: string }) => f.field === 'DocNumber')).toBe(true);
    const checks = (await signed(hubId, 'GET', '/api/v1/settings/recommendations')).json().checks;
    expect(checks).toHaveLength(3);
    const csv = await signed(
      hubId,
      'GET',
      '/api/v1/exports/historical-invoices.csv?before=2100-01-01T00:00:00Z',
    );
    expect(csv.statusCode).toBe(200);
    const rows = csv.body.trimEnd().split('\r\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('ada@example.com');
    expect(rows[1]).toContain('Setup');
  });
});

function parseKeyringOrThrow(value: string) {
  const parsed = parseKeyring(value);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.keys;
}
