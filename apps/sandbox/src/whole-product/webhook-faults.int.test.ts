import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHubSpotInstallationRepository } from '@ledgersync/db';
import { type LiveWorld, startLiveWorld, TEST_CONFIG } from '@ledgersync/server/testing';
import type { HsObject } from '@ledgersync/test-world';
import { startWorker } from '@ledgersync/worker';
import type { Runner } from 'graphile-worker';

// Webhooks dropped, duplicated and reordered by the emulators reach the same end state: the
// HubSpot emulator delivers its webhooks, with its chaos controls on, to the real server listening
// on loopback; a real worker drains what the server stores, through the production adapters.

let world: LiveWorld;
let worker: Runner;

beforeAll(async () => {
  world = await startLiveWorld({
    hubspotApp: { clientId: 'wf-hs-client', clientSecret: 'wf-hs-secret-value', appId: 4_100_003 },
    quickbooksApp: { clientId: 'wf-qb-client', clientSecret: 'wf-qb-secret-value' },
    listenOnLoopback: true,
    maxConnections: 6,
    hubspotEmulator: (publicUrl) => ({
      // Webhooks go out when the test flushes them, so the chaos applies to known batches.
      webhooks: { batchWindowMs: 600_000 },
      app: {
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
    }),
    // Intuit's webhooks too go out when the test flushes them.
    quickbooksEmulator: (publicUrl) => ({
      webhooks: {
        url: `${publicUrl}/webhooks/quickbooks`,
        verifierToken: TEST_CONFIG.quickbooks.webhookVerifierToken,
        aggregationWindowMs: 600_000,
      },
    }),
    config: (config) => ({ ...config, webhookDebounceMs: 0 }),
  });
  worker = await startWorker({
    databaseUrl: world.databaseUrl,
    db: world.db,
    portsFor: world.portsFor,
    concurrency: 2,
    debounceMs: 0,
    pollEveryMinutes: 0,
    pollIntervalMs: 200,
  });
});
afterAll(async () => {
  await worker?.stop();
  await world?.close();
});

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
  const { signed } = world;
  const { hubId, portal } = await world.installPortal();
  await world.connectQuickBooks(hubId);
  for (const object of ['customer', 'product']) {
    expect(
      (await signed(hubId, 'PUT', `/api/v1/settings/objects/${object}`, { enabled: true })).statusCode,
    ).toBe(200);
  }
  const accounts = (await signed(hubId, 'GET', '/api/v1/settings/income-accounts')).json().accounts;
  await signed(hubId, 'PUT', '/api/v1/settings/custom-line-item-account', { accountId: accounts[0].id });
  await signed(hubId, 'PUT', '/api/v1/settings/objects/invoice', { enabled: true, direction: 'two_way' });
  const token = (await createHubSpotInstallationRepository(world.db, world.cipher).find(portal.id))?.tokens
    .accessToken;
  const realmId = (await world.db.quickBooksConnection.findUniqueOrThrow({ where: { portalId: portal.id } }))
    .realmId;
  const qboToken = await json<{ access_token: string }>(`${world.qboUrl}/_emulator/tokens`, 'POST', {
    realmId,
  });
  const hs = <T>(path: string, method: string, body: unknown) =>
    json<T>(`${world.hubspotUrl}${path}`, method, body, { authorization: `Bearer ${token}` });
  const qboQuery = async (query: string) =>
    (
      await json<{ QueryResponse: Record<string, unknown[]> }>(
        `${world.qboUrl}/v3/company/${realmId}/query?query=${encodeURIComponent(query)}`,
        'GET',
        undefined,
        { authorization: `Bearer ${qboToken.access_token}`, accept: 'application/json' },
      )
    ).QueryResponse;
  const qboPost = <T>(entity: string, body: unknown) =>
    json<T>(`${world.qboUrl}/v3/company/${realmId}/${entity}`, 'POST', body, {
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
  const draft = await json<HsObject>(`${world.hubspotUrl}/_emulator/portals/${p.hubId}/ui/invoices`, 'POST', {
    contactId: contact.id,
    lineItems: [{ name: 'Setup', quantity: '2', price: '40' }],
  });
  const invoice = await json<HsObject>(
    `${world.hubspotUrl}/_emulator/portals/${p.hubId}/ui/invoices/${draft.id}/finalize`,
  );
  return { contact, invoice };
}

const chaos = (c: { drop?: number; duplicate?: number; reorder?: boolean }) =>
  json(`${world.hubspotUrl}/_emulator/webhooks/chaos`, 'POST', c);
const flushWebhooks = () => json(`${world.hubspotUrl}/_emulator/webhooks/flush`);
const deliveries = async () =>
  (
    await json<{ deliveries: { eventIds: number[]; status: number | null }[] }>(
      `${world.hubspotUrl}/_emulator/webhooks/deliveries`,
      'GET',
    )
  ).deliveries;

const linkedInvoice = async (p: Portal, hubspotId: string) =>
  (await world.db.changeNotice.count({ where: { portalId: p.portal.id, processedAt: null } })) === 0 &&
  (await world.db.recordLink.count({
    where: {
      portalId: p.portal.id,
      hubspotId,
      object: 'invoice',
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

describe('webhook faults through the server and a worker (R-ERR-7)', () => {
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
    const fromWebhooks = await world.db.changeNotice.count({
      where: { portalId: p.portal.id, NOT: { eventId: { startsWith: 'poll:' } } },
    });
    expect(fromWebhooks).toBe(0);
    await chaos({ drop: 0 });
    // The scheduled poll, run now rather than at the next cron minute.
    await world.db
      .$executeRaw`SELECT graphile_worker.add_job('poll-portal', json_build_object('portalId', ${p.portal.id}::text))`;
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
      const pending = await world.db.changeNotice.count({
        where: { portalId: p.portal.id, processedAt: null },
      });
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

describe('QuickBooks webhook faults through the server and a worker (R-ERR-7)', () => {
  const qboControl = (c: { duplicateNext?: number; reorder?: boolean }) =>
    json(`${world.qboUrl}/_emulator/webhooks`, 'POST', c);
  const flushQbo = () => json(`${world.qboUrl}/_emulator/webhooks/flush`);
  type QboCustomer = { Id: string; SyncToken: string };
  type Classic = {
    eventNotifications: { realmId: string; dataChangeEvent: { entities: { name: string; id: string }[] } }[];
  };
  /** How many times Intuit's deliveries so far named this entity. */
  const qboEntitiesSent = async (realmId: string, name: string, id: string) =>
    (
      await json<{ deliveries: { body: string }[] }>(`${world.qboUrl}/_emulator/webhooks/deliveries`, 'GET')
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
      (await world.db.changeNotice.count({ where: { portalId: p.portal.id, processedAt: null } })) === 0;

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
