import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createHubSpotInstallationRepository,
  createPrismaClient,
  createTokenCipher,
  type Db,
  parseKeyring,
} from '@ledgersync/db';
import { createTestDatabase, type TestDatabase } from '@ledgersync/db/testing';
import { REQUIRED_SCOPE_LIST } from '@ledgersync/hubspot';
import { createHubSpotEmulator, signatureV3 } from '@ledgersync/hubspot-emulator';
import { intuitEndpointsAt } from '@ledgersync/quickbooks';
import { createQuickBooksEmulator } from '@ledgersync/quickbooks-emulator';
import { createAdapterPortsFor, startWorker, workerEnvSchema } from '@ledgersync/worker';
import type { FastifyInstance } from 'fastify';
import type { Runner } from 'graphile-worker';
import pino from 'pino';
import { createHubSpotPackageGateway } from '../adapters/hubspot-package-gateway.ts';
import { createQuickBooksPackageGateway } from '../adapters/quickbooks-package-gateway.ts';
import { buildServer } from '../build-server.ts';
import type { ServerConfig } from '../server-config.ts';
import { TEST_CONFIG } from '../testing/test-server.ts';

// W6 scenario "webhooks dropped, duplicated and reordered by the emulators → same end state": the
// HubSpot emulator delivers its webhooks, with its chaos controls on, to the real server listening
// on loopback; a real worker drains what the server stores, through the production adapters.

const HS = { clientId: 'wf-hs-client', clientSecret: 'wf-hs-secret-value', appId: 4_100_003 };
const QB = { clientId: 'wf-qb-client', clientSecret: 'wf-qb-secret-value' };

interface HsObject {
  id: string;
  properties: Record<string, string>;
}

let database: TestDatabase;
let db: Db;
let hubspot: FastifyInstance;
let qbo: Awaited<ReturnType<typeof createQuickBooksEmulator>>;
let server: FastifyInstance;
let worker: Runner;
let hubspotUrl: string;
let qboUrl: string;
let publicUrl: string;
const keys = `k1:${randomBytes(32).toString('base64')}`;

/** A free loopback port: the server's public URL (which webhooks are signed over) must be known before it starts. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = createPrismaClient(database.url, { maxConnections: 6 });
  const port = await freePort();
  publicUrl = `http://127.0.0.1:${port}`;
  hubspot = createHubSpotEmulator({
    rateLimits: false,
    // Webhooks go out when the test flushes them, so the chaos applies to known batches.
    webhooks: { batchWindowMs: 600_000 },
    app: {
      appId: HS.appId,
      clientId: HS.clientId,
      clientSecret: HS.clientSecret,
      redirectUris: [`${publicUrl}/oauth/hubspot/callback`],
      webhooks: {
        targetUrl: `${publicUrl}/webhooks/hubspot`,
        subscriptions: [
          { subscriptionType: 'object.creation', objectType: 'contact' },
          { subscriptionType: 'object.propertyChange', objectType: 'contact' },
          {
            subscriptionType: 'object.propertyChange',
            objectType: 'invoice',
            propertyName: 'hs_invoice_status',
          },
        ],
      },
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
    redirectUris: [`${publicUrl}/oauth/quickbooks/callback`],
    // Intuit's webhooks too go out when the test flushes them.
    webhooks: {
      url: `${publicUrl}/webhooks/quickbooks`,
      verifierToken: TEST_CONFIG.quickbooks.webhookVerifierToken,
      aggregationWindowMs: 600_000,
    },
  });
  qboUrl = await qbo.listen({ host: '127.0.0.1', port: 0 });
  const keyring = parseKeyring(keys);
  if (!keyring.ok) throw new Error(keyring.error);
  const config: ServerConfig = {
    ...TEST_CONFIG,
    publicUrl,
    hubspot: {
      ...TEST_CONFIG.hubspot,
      appId: String(HS.appId),
      clientId: HS.clientId,
      clientSecret: HS.clientSecret,
      authBaseUrl: hubspotUrl,
      scopes: REQUIRED_SCOPE_LIST,
    },
    quickbooks: { ...TEST_CONFIG.quickbooks, clientId: QB.clientId, clientSecret: QB.clientSecret },
    webhookDebounceMs: 0,
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
        redirectUri: `${publicUrl}/oauth/hubspot/callback`,
        now: Date.now,
      }),
      quickbooks: createQuickBooksPackageGateway({
        apiBaseUrl: qboUrl,
        clientId: QB.clientId,
        clientSecret: QB.clientSecret,
        redirectUri: `${publicUrl}/oauth/quickbooks/callback`,
        environment: 'sandbox',
        endpoints: intuitEndpointsAt(qboUrl),
      }),
    },
    { logger: { level: 'error' } },
  );
  await server.listen({ host: '127.0.0.1', port });
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
  worker = await startWorker({
    databaseUrl: database.url,
    db,
    portsFor: createAdapterPortsFor(db, env, pino({ level: 'silent' })),
    concurrency: 2,
    debounceMs: 0,
    pollEveryMinutes: 0,
    pollIntervalMs: 200,
  });
});
afterAll(async () => {
  await worker?.stop();
  await server?.close();
  await hubspot?.close();
  await qbo?.close();
  await db?.$disconnect();
  await database?.drop();
});

const signed = (hubId: string, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) => {
  const url = `${path}?userId=1&appId=${HS.appId}&portalId=${hubId}`;
  const raw = body === undefined ? '' : JSON.stringify(body);
  const ts = String(Date.now());
  return server.inject({
    method,
    url,
    headers: {
      'x-hubspot-request-timestamp': ts,
      'x-hubspot-signature-v3': signatureV3(HS.clientSecret, method, `${publicUrl}${url}`, raw, Number(ts)),
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
const json = async <T>(
  url: string,
  method = 'POST',
  body: unknown = {},
  headers: Record<string, string> = {},
) => {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(method === 'GET' ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

async function until(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('condition not reached in time');
}

/** Installed, QBO connected, contacts, products and invoices syncing two-way. */
async function syncingPortal() {
  const { portalId } = await json<{ portalId: number }>(`${hubspotUrl}/_emulator/portals`, 'POST', {
    tier: 'professional',
  });
  const hubId = String(portalId);
  const install = await server.inject({ method: 'GET', url: '/oauth/hubspot/install' });
  const authorize = new URL(install.headers.location as string);
  authorize.searchParams.set('portalId', hubId);
  authorize.searchParams.set('approve', '1');
  await server.inject({ method: 'GET', url: local(await followTo(authorize.toString())) });
  const portal = await db.portal.findUniqueOrThrow({ where: { hubId: BigInt(hubId) } });
  const start = await signed(hubId, 'POST', '/api/v1/connections/quickbooks');
  const back = await followTo(`${qboUrl}/connect/oauth2/approve${new URL(start.json().authorizeUrl).search}`);
  await server.inject({ method: 'GET', url: local(back) });
  for (const object of ['contacts', 'products']) {
    expect(
      (await signed(hubId, 'PUT', `/api/v1/settings/objects/${object}`, { enabled: true })).statusCode,
    ).toBe(200);
  }
  const accounts = (await signed(hubId, 'GET', '/api/v1/settings/income-accounts')).json().accounts;
  await signed(hubId, 'PUT', '/api/v1/settings/custom-line-item-account', { accountId: accounts[0].id });
  await signed(hubId, 'PUT', '/api/v1/settings/objects/invoices', { enabled: true, direction: 'two_way' });
  const token = (
    await createHubSpotInstallationRepository(db, createTokenCipher(parseKeyringOrThrow(keys), 'k1')).find(
      portal.id,
    )
  )?.tokens.accessToken;
  const realmId = (await db.quickBooksConnection.findUniqueOrThrow({ where: { portalId: portal.id } }))
    .realmId;
  const qboToken = await json<{ access_token: string }>(`${qboUrl}/_emulator/tokens`, 'POST', { realmId });
  const hs = <T>(path: string, method: string, body: unknown) =>
    json<T>(`${hubspotUrl}${path}`, method, body, { authorization: `Bearer ${token}` });
  const qboQuery = async (query: string) =>
    (
      await json<{ QueryResponse: Record<string, unknown[]> }>(
        `${qboUrl}/v3/company/${realmId}/query?query=${encodeURIComponent(query)}`,
        'GET',
        undefined,
        { authorization: `Bearer ${qboToken.access_token}`, accept: 'application/json' },
      )
    ).QueryResponse;
  const qboPost = <T>(entity: string, body: unknown) =>
    json<T>(`${qboUrl}/v3/company/${realmId}/${entity}`, 'POST', body, {
      authorization: `Bearer ${qboToken.access_token}`,
      accept: 'application/json',
    });
  return { hubId, portal, realmId, hs, qboQuery, qboPost };
}
type Portal = Awaited<ReturnType<typeof syncingPortal>>;

/** A HubSpot user's contact and finalized invoice for them (webhooks: contact created, invoice open). */
async function finalizedInvoice(p: Portal, email: string): Promise<{ contact: HsObject; invoice: HsObject }> {
  const contact = await p.hs<HsObject>('/crm/v3/objects/contacts', 'POST', {
    properties: { email, firstname: 'Ada', lastname: email.split('@')[0] },
  });
  const draft = await json<HsObject>(`${hubspotUrl}/_emulator/portals/${p.hubId}/ui/invoices`, 'POST', {
    contactId: contact.id,
    lineItems: [{ name: 'Setup', quantity: '2', price: '40' }],
  });
  const invoice = await json<HsObject>(
    `${hubspotUrl}/_emulator/portals/${p.hubId}/ui/invoices/${draft.id}/finalize`,
  );
  return { contact, invoice };
}

const chaos = (c: { drop?: number; duplicate?: number; reorder?: boolean }) =>
  json(`${hubspotUrl}/_emulator/webhooks/chaos`, 'POST', c);
const flushWebhooks = () => json(`${hubspotUrl}/_emulator/webhooks/flush`);
const deliveries = async () =>
  (
    await json<{ deliveries: { eventIds: number[]; status: number | null }[] }>(
      `${hubspotUrl}/_emulator/webhooks/deliveries`,
      'GET',
    )
  ).deliveries;

const linkedInvoice = async (p: Portal, hubspotId: string) =>
  (await db.changeNotice.count({ where: { portalId: p.portal.id, processedAt: null } })) === 0 &&
  (await db.recordLink.count({
    where: {
      portalId: p.portal.id,
      hubspotId,
      object: 'invoices',
      status: 'synced',
      quickbooksId: { not: null },
    },
  })) === 1;

const qboInvoices = async (p: Portal) => (await p.qboQuery('select * from Invoice')).Invoice?.length ?? 0;
const qboCustomers = async (p: Portal) =>
  ((await p.qboQuery('select * from Customer')).Customer ?? []) as {
    GivenName?: string;
    PrimaryEmailAddr?: { Address?: string };
  }[];

describe('webhook faults through the server and a worker (W6 scenario, R-ERR-7)', () => {
  it('duplicated deliveries: every event arrives twice, the invoice and customer are created once', async () => {
    await chaos({ drop: 0, duplicate: 0, reorder: false });
    const p = await syncingPortal();
    await chaos({ duplicate: 20 });
    const { invoice } = await finalizedInvoice(p, 'twice@example.com');
    await flushWebhooks();
    const sent = (await deliveries()).flatMap((d) => d.eventIds);
    expect(sent.length).toBeGreaterThan(new Set(sent).size);
    await until(() => linkedInvoice(p, invoice.id));
    expect(await qboInvoices(p)).toBe(1);
    expect(
      (await qboCustomers(p)).filter((c) => c.PrimaryEmailAddr?.Address === 'twice@example.com'),
    ).toHaveLength(1);
  }, 180_000);

  it('dropped deliveries: nothing arrives, the safety-net poll catches up', async () => {
    await chaos({ drop: 0, duplicate: 0, reorder: false });
    const p = await syncingPortal();
    await flushWebhooks();
    await chaos({ drop: 50 });
    const { invoice } = await finalizedInvoice(p, 'dropped@example.com');
    await flushWebhooks();
    // No webhook reached the server (poll notices, from the poll that turning a sync on starts, may).
    const fromWebhooks = await db.changeNotice.count({
      where: { portalId: p.portal.id, NOT: { eventId: { startsWith: 'poll:' } } },
    });
    expect(fromWebhooks).toBe(0);
    await chaos({ drop: 0 });
    // The scheduled poll, run now rather than at the next cron minute.
    await db.$executeRaw`SELECT graphile_worker.add_job('poll-portal', json_build_object('portalId', ${p.portal.id}::text))`;
    await until(() => linkedInvoice(p, invoice.id));
    expect(await qboInvoices(p)).toBe(1);
  }, 180_000);

  it('reordered deliveries: two edits arrive last-first, the final state wins', async () => {
    await chaos({ drop: 0, duplicate: 0, reorder: false });
    const p = await syncingPortal();
    const { contact, invoice } = await finalizedInvoice(p, 'order@example.com');
    await flushWebhooks();
    await until(() => linkedInvoice(p, invoice.id));

    await chaos({ reorder: true });
    await p.hs(`/crm/v3/objects/contacts/${contact.id}`, 'PATCH', { properties: { firstname: 'First' } });
    await p.hs(`/crm/v3/objects/contacts/${contact.id}`, 'PATCH', { properties: { firstname: 'Final' } });
    await flushWebhooks();
    // The two edits went out in one batch, newest event first.
    const last = (await deliveries()).at(-1)?.eventIds ?? [];
    expect(last.length).toBeGreaterThanOrEqual(2);
    expect(last).toEqual([...last].sort((a, b) => b - a));
    await until(async () => {
      const pending = await db.changeNotice.count({ where: { portalId: p.portal.id, processedAt: null } });
      const customer = (await qboCustomers(p)).find(
        (c) => c.PrimaryEmailAddr?.Address === 'order@example.com',
      );
      return pending === 0 && customer?.GivenName === 'Final';
    });
    const customers = (await qboCustomers(p)).filter(
      (c) => c.PrimaryEmailAddr?.Address === 'order@example.com',
    );
    expect(customers.map((c) => c.GivenName)).toEqual(['Final']);
    await chaos({ reorder: false });
  }, 180_000);
});

describe('QuickBooks webhook faults through the server and a worker (W6 scenario, R-ERR-7)', () => {
  const qboControl = (c: { duplicateNext?: number; reorder?: boolean }) =>
    json(`${qboUrl}/_emulator/webhooks`, 'POST', c);
  const flushQbo = () => json(`${qboUrl}/_emulator/webhooks/flush`);
  type QboCustomer = { Id: string; SyncToken: string };
  type Classic = {
    eventNotifications: { realmId: string; dataChangeEvent: { entities: { name: string; id: string }[] } }[];
  };
  /** How many times Intuit's deliveries so far named this entity. */
  const qboEntitiesSent = async (realmId: string, name: string, id: string) =>
    (
      await json<{ deliveries: { body: string }[] }>(`${qboUrl}/_emulator/webhooks/deliveries`, 'GET')
    ).deliveries
      .flatMap((d) => (JSON.parse(d.body) as Classic).eventNotifications)
      .filter((n) => n.realmId === realmId)
      .flatMap((n) => n.dataChangeEvent.entities)
      .filter((e) => e.name === name && e.id === id).length;

  it('a QBO customer whose webhook arrives twice, then two edits delivered last-first: one HubSpot contact with the final name', async () => {
    await chaos({ drop: 0, duplicate: 0, reorder: false });
    const p = await syncingPortal();
    await flushQbo();
    const hubspotContacts = async () =>
      (
        await p.hs<{ results: HsObject[] }>(
          '/crm/v3/objects/contacts?limit=100&properties=email,firstname',
          'GET',
          undefined,
        )
      ).results.filter((c) => c.properties.email === 'books@example.com');
    const settled = async () =>
      (await db.changeNotice.count({ where: { portalId: p.portal.id, processedAt: null } })) === 0;

    await qboControl({ duplicateNext: 5 });
    const { Customer: created } = await p.qboPost<{ Customer: QboCustomer }>('customer', {
      DisplayName: 'Books Keeper',
      GivenName: 'Books',
      FamilyName: 'Keeper',
      PrimaryEmailAddr: { Address: 'books@example.com' },
    });
    await flushQbo();
    await until(async () => (await settled()) && (await hubspotContacts()).length === 1);
    // The customer's change went out twice in Intuit's payload, and HubSpot got one contact.
    expect(await qboEntitiesSent(p.realmId, 'Customer', created.Id)).toBeGreaterThanOrEqual(2);
    expect(await hubspotContacts()).toHaveLength(1);

    await qboControl({ duplicateNext: 0, reorder: true });
    const { Customer: first } = await p.qboPost<{ Customer: QboCustomer }>('customer', {
      Id: created.Id,
      SyncToken: created.SyncToken,
      sparse: true,
      GivenName: 'First',
    });
    await p.qboPost('customer', {
      Id: created.Id,
      SyncToken: first.SyncToken,
      sparse: true,
      GivenName: 'Final',
    });
    await flushQbo();
    await until(
      async () => (await settled()) && (await hubspotContacts())[0]?.properties.firstname === 'Final',
    );
    expect((await hubspotContacts()).map((c) => c.properties.firstname)).toEqual(['Final']);
    await qboControl({ reorder: false });
  }, 180_000);
});

function parseKeyringOrThrow(value: string) {
  const parsed = parseKeyring(value);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.keys;
}
