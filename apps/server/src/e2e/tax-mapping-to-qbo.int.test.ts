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
// Same wiring as install-to-card.int.test.ts: production gateways against both emulators.
import { intuitEndpointsAt } from '@ledgersync/quickbooks';
import { createQuickBooksEmulator } from '@ledgersync/quickbooks-emulator';
import { drainPortal } from '@ledgersync/sync-engine';
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

describe('tax mapping end to end: a non-US company gets a tax code on every synced line (R-ERR-5)', () => {
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

  it('refuses invoices to a Canadian company until a tax code is mapped, then QBO receives taxed lines', async () => {
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
    expect(
      (await server.inject({ method: 'GET', url: local(await followTo(authorize.toString())) })).statusCode,
    ).toBe(302);
    const portal = await db.portal.findUniqueOrThrow({ where: { hubId: BigInt(hubId) } });

    // A Canadian QuickBooks company (GST/HST; the emulator refuses untaxed lines there).
    const { realmId } = (await (
      await fetch(`${qboUrl}/_emulator/realms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ companyName: 'Maple Ltd', country: 'CA' }),
      })
    ).json()) as { realmId: string };
    const consent = new URL(
      (await signed(hubId, 'POST', '/api/v1/connections/quickbooks')).json().authorizeUrl,
    );
    consent.searchParams.set('realmId', realmId);
    const qboBack = await followTo(`${qboUrl}/connect/oauth2/approve${consent.search}`);
    expect((await server.inject({ method: 'GET', url: local(qboBack) })).statusCode).toBe(302);
    expect((await signed(hubId, 'GET', '/api/v1/settings')).json().connection).toMatchObject({
      status: 'connected',
      country: 'CA',
    });

    for (const object of ['contacts', 'products']) {
      await signed(hubId, 'PUT', `/api/v1/settings/objects/${object}`, { enabled: true });
    }
    const accounts = (await signed(hubId, 'GET', '/api/v1/settings/income-accounts')).json().accounts;
    await signed(hubId, 'PUT', '/api/v1/settings/custom-line-item-account', { accountId: accounts[0].id });
    const refused = await signed(hubId, 'PUT', '/api/v1/settings/objects/invoices', {
      enabled: true,
      direction: 'two_way',
    });
    expect(refused.json().error).toBe('tax_required_non_us');

    // The company's own tax codes, read through the production gateway.
    const codes = (await signed(hubId, 'GET', '/api/v1/settings/tax-codes')).json().taxCodes;
    const hst = codes.find((c: { name: string }) => c.name === 'HST ON');
    expect(hst).toBeDefined();
    expect(
      (await signed(hubId, 'PUT', '/api/v1/settings/tax-mapping', { defaultTaxCodeId: hst.id })).statusCode,
    ).toBe(200);
    const on = await signed(hubId, 'PUT', '/api/v1/settings/objects/invoices', {
      enabled: true,
      direction: 'two_way',
    });
    expect(on.json()).toMatchObject({ enabled: true, direction: 'two_way' });

    const token = (
      await createHubSpotInstallationRepository(db, createTokenCipher(parseKeyringOrThrow(keys), 'k1')).find(
        portal.id,
      )
    )?.tokens.accessToken;
    const contact = (await (
      await fetch(`${hubspotUrl}/crm/v3/objects/contacts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ properties: { email: 'lin@example.ca', firstname: 'Lin', lastname: 'Ng' } }),
      })
    ).json()) as HsObject;
    const control = async <T>(path: string, body: unknown = {}): Promise<T> =>
      (await (
        await fetch(`${hubspotUrl}/_emulator${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json()) as T;
    const draft = await control<HsObject>(`/portals/${hubId}/ui/invoices`, {
      contactId: contact.id,
      properties: { hs_currency: 'CAD' },
      lineItems: [{ name: 'Setup', quantity: '2', price: '40' }],
    });
    await control(`/portals/${hubId}/ui/invoices/${draft.id}/finalize`);
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
    await server.inject({
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

    // The worker reads the mapping from the same settings rows the API wrote.
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
    expect(card).toMatchObject({ status: 'synced', error: null });
    const qboToken = (await (
      await fetch(`${qboUrl}/_emulator/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ realmId }),
      })
    ).json()) as { access_token?: string; accessToken?: string };
    const invoice = (
      (await (
        await fetch(`${qboUrl}/v3/company/${realmId}/invoice/${card.quickbooks.id}`, {
          headers: {
            accept: 'application/json',
            authorization: `Bearer ${qboToken.access_token ?? qboToken.accessToken}`,
          },
        })
      ).json()) as {
        Invoice: {
          Line: { DetailType: string; SalesItemLineDetail?: { TaxCodeRef?: { value: string } } }[];
          TxnTaxDetail?: { TotalTax?: number };
        };
      }
    ).Invoice;
    const sales = invoice.Line.filter((l) => l.DetailType === 'SalesItemLineDetail');
    expect(sales.length).toBeGreaterThan(0);
    expect(sales.map((l) => l.SalesItemLineDetail?.TaxCodeRef?.value)).toEqual(sales.map(() => hst.id));
    expect(invoice.TxnTaxDetail?.TotalTax).toBe(10.4);
  });
});

function parseKeyringOrThrow(value: string) {
  const parsed = parseKeyring(value);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.keys;
}
