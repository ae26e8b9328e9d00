import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHubSpotInstallationRepository } from '@ledgersync/db';
import { type LiveWorld, startLiveWorld } from '@ledgersync/server/testing';
import { startWorker } from '@ledgersync/worker';
import type { Runner } from 'graphile-worker';

// A company that already has 500 customers and 40 items in QuickBooks, 50 of those customers
// already HubSpot contacts (10 of them with another first name) and 5 of the items already HubSpot
// products: the admin reads the estimate, turns on inbound contacts and products through the API,
// and the real worker runs the first syncs through the production adapters and both emulators.

const CUSTOMERS = 500;
const ALREADY_CONTACTS = 50;
const DIFFERING = 10;
const ITEMS = 40;
const ALREADY_PRODUCTS = 5;

let world: LiveWorld;
let worker: Runner | undefined;
let hubId: string;
let portalId: string;
let hubspotToken: string;
/** Items a new QBO company already has (the emulator's, like Intuit's, come with a few). */
let presetItems: number;

interface RunView {
  id: string;
  object: string;
  sourceSide: string;
  status: string;
  total: number;
  done: number;
  linked: number;
  failed: number;
  percent: number;
}
interface Estimate {
  sourceSide: string;
  total: number;
  matches: number;
  creates: number;
}

const json = async <T>(url: string, init: RequestInit = {}): Promise<T> => {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

async function until(check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('condition not reached in time');
}

const api = async <T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, status = 200) => {
  const res = await world.signed(hubId, method, path, body);
  expect({ path, status: res.statusCode, body: res.statusCode === status ? null : res.body }).toEqual({
    path,
    status,
    body: null,
  });
  return res.json() as T;
};
const runs = async () => (await api<{ runs: RunView[] }>('GET', '/api/v1/first-syncs')).runs;

/** Every record of a HubSpot object type, through the CRM list API as the app. */
async function hubspotAll(type: 'contacts' | 'products', properties: string) {
  const out: { id: string; properties: Record<string, string | null> }[] = [];
  let after = '0';
  for (;;) {
    const page = await json<{
      results: { id: string; properties: Record<string, string | null> }[];
      paging?: { next?: { after: string } };
    }>(`${world.hubspotUrl}/crm/v3/objects/${type}?limit=100&after=${after}&properties=${properties}`, {
      headers: { authorization: `Bearer ${hubspotToken}` },
    });
    out.push(...page.results);
    if (!page.paging?.next) return out;
    after = page.paging.next.after;
  }
}

const emailOf = (i: number) => `customer-${i}@first-sync.test`;

beforeAll(async () => {
  world = await startLiveWorld({
    hubspotApp: { clientId: 'fs-hs-client', clientSecret: 'fs-hs-secret-value', appId: 4_100_013 },
    quickbooksApp: { clientId: 'fs-qb-client', clientSecret: 'fs-qb-secret-value' },
    maxConnections: 6,
  });
  const installed = await world.installPortal();
  hubId = installed.hubId;
  portalId = installed.portalId;
  await world.connectQuickBooks(hubId);
  hubspotToken =
    (await createHubSpotInstallationRepository(world.db, world.cipher).find(portalId))?.tokens.accessToken ??
    '';
  const realmId = (await world.db.quickBooksConnection.findUniqueOrThrow({ where: { portalId } })).realmId;
  const accounts = (await api<{ accounts: { id: string }[] }>('GET', '/api/v1/settings/income-accounts'))
    .accounts;
  const qboToken = await json<{ access_token: string }>(`${world.qboUrl}/_emulator/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ realmId }),
  });
  presetItems = (
    await json<{ QueryResponse: { totalCount: number } }>(
      `${world.qboUrl}/v3/company/${realmId}/query?query=${encodeURIComponent('select count(*) from Item')}`,
      { headers: { authorization: `Bearer ${qboToken.access_token}`, accept: 'application/json' } },
    )
  ).QueryResponse.totalCount;
  // The bookkeeper's existing records, through the emulator's seed (QBO's own rules apply).
  await json(`${world.qboUrl}/_emulator/realms/${realmId}/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      Item: Array.from({ length: ITEMS }, (_, i) => ({
        Name: `Existing item ${i}`,
        Sku: `SKU-${i}`,
        Type: 'Service',
        UnitPrice: 10 + i,
        IncomeAccountRef: { value: accounts[0]?.id },
      })),
      Customer: Array.from({ length: CUSTOMERS }, (_, i) => ({
        DisplayName: `Existing customer ${i}`,
        GivenName: `Given${i}`,
        FamilyName: `Family${i}`,
        PrimaryEmailAddr: { Address: emailOf(i) },
      })),
    }),
  });
  // The contacts and products the portal already has: same email or SKU.
  const hs = (path: string, body: unknown) =>
    json(`${world.hubspotUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${hubspotToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  for (let start = 0; start < ALREADY_CONTACTS; start += 100) {
    await hs('/crm/v3/objects/contacts/batch/create', {
      inputs: Array.from({ length: Math.min(100, ALREADY_CONTACTS - start) }, (_, k) => {
        const i = start + k;
        return {
          properties: {
            email: emailOf(i),
            firstname: i < DIFFERING ? `Renamed${i}` : `Given${i}`,
            lastname: `Family${i}`,
          },
        };
      }),
    });
  }
  await hs('/crm/v3/objects/products/batch/create', {
    inputs: Array.from({ length: ALREADY_PRODUCTS }, (_, i) => ({
      properties: { name: `Existing item ${i}`, hs_sku: `SKU-${i}`, price: String(10 + i) },
    })),
  });
  worker = await startWorker({
    databaseUrl: world.databaseUrl,
    db: world.db,
    portsFor: world.portsFor,
    concurrency: 2,
    debounceMs: 0,
    pollEveryMinutes: 0,
    pollIntervalMs: 100,
  });
}, 120_000);
afterAll(async () => {
  await worker?.stop();
  await world?.close();
});

describe('first sync of existing records (R-CON-7)', () => {
  let customerEstimate: Estimate;
  let productEstimate: Estimate;

  it('before turning on: the page is told how many will be created and how many match', async () => {
    const customers = await api<{ estimates: Estimate[] }>(
      'GET',
      '/api/v1/first-syncs/estimate?object=customer&direction=quickbooks_to_hubspot',
    );
    const products = await api<{ estimates: Estimate[] }>(
      'GET',
      '/api/v1/first-syncs/estimate?object=product&direction=quickbooks_to_hubspot',
    );
    expect(customers.estimates).toEqual([
      {
        sourceSide: 'quickbooks',
        total: CUSTOMERS,
        matches: ALREADY_CONTACTS,
        creates: CUSTOMERS - ALREADY_CONTACTS,
      },
    ]);
    expect(products.estimates).toEqual([
      {
        sourceSide: 'quickbooks',
        total: presetItems + ITEMS,
        matches: ALREADY_PRODUCTS,
        creates: presetItems + ITEMS - ALREADY_PRODUCTS,
      },
    ]);
    customerEstimate = customers.estimates[0] as Estimate;
    productEstimate = products.estimates[0] as Estimate;
  });

  it('a bad object is refused with the field and the allowed values', async () => {
    const res = await world.signed(hubId, 'GET', '/api/v1/first-syncs/estimate?object=invoice');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('object');
    expect(res.body).toContain('customer');
  });

  it('turning inbound products and contacts on syncs every existing record once, linking the matches', async () => {
    await api('PUT', '/api/v1/settings/objects/product', {
      enabled: true,
      direction: 'quickbooks_to_hubspot',
    });
    await api('PUT', '/api/v1/settings/objects/customer', {
      enabled: true,
      direction: 'quickbooks_to_hubspot',
      conflictResolution: 'quickbooks',
    });
    await until(async () => {
      const all = await runs();
      return all.length === 2 && all.every((r) => r.status === 'done');
    });
    const byObject = new Map((await runs()).map((r) => [r.object, r]));
    // The count announced before is what was synced: the matches linked, the others created.
    expect(byObject.get('customer')).toMatchObject({
      sourceSide: 'quickbooks',
      total: customerEstimate.total,
      done: customerEstimate.total,
      linked: customerEstimate.matches,
      failed: 0,
      percent: 100,
    });
    expect(byObject.get('product')).toMatchObject({
      total: productEstimate.total,
      done: productEstimate.total,
      linked: productEstimate.matches,
      // The company's own items have no SKU: left out, not called created.
      excluded: presetItems,
      failed: 0,
    });

    const contacts = await hubspotAll('contacts', 'email,firstname');
    const emails = contacts.map((c) => c.properties.email);
    expect(contacts).toHaveLength(CUSTOMERS);
    expect(new Set(emails).size).toBe(CUSTOMERS);
    // R-MAP-2 "Use QuickBooks Online data": the first match takes QBO's values where they differ.
    const renamed = contacts.filter((c) => /^Renamed/.test(c.properties.firstname ?? ''));
    expect(renamed).toEqual([]);
    const c3 = contacts.find((c) => c.properties.email === emailOf(3));
    expect(c3?.properties.firstname).toBe('Given3');

    // The company's own items have no SKU: the SKU rule (R-FLT-3) leaves them out, as a live change.
    const products = await hubspotAll('products', 'hs_sku');
    expect(products).toHaveLength(ITEMS);
    expect(new Set(products.map((p) => p.properties.hs_sku)).size).toBe(ITEMS);
    // The same filter decision as a live change: left out, and shown as excluded with its reason.
    const excluded = await world.db.recordLink.findMany({
      where: { portalId, object: 'product', status: 'excluded' },
    });
    expect(excluded).toHaveLength(presetItems);
    expect(excluded.every((l) => l.exclusionReason !== null)).toBe(true);
    expect(
      await world.db.recordLink.count({
        where: { portalId, object: 'customer', quickbooksId: { not: null } },
      }),
    ).toBe(CUSTOMERS);
  });

  it('"Sync existing records" runs it again and creates nothing twice', async () => {
    const started = await api<{ runs: RunView[] }>(
      'POST',
      '/api/v1/first-syncs',
      { object: 'customer' },
      202,
    );
    expect(started.runs).toHaveLength(1);
    const id = started.runs[0]?.id;
    await until(async () => (await runs()).find((r) => r.id === id)?.status === 'done');
    // Every customer found its contact already there: none is counted as created.
    expect((await runs()).find((r) => r.id === id)).toMatchObject({
      done: CUSTOMERS,
      failed: 0,
      linked: CUSTOMERS,
    });
    expect(await hubspotAll('contacts', 'email')).toHaveLength(CUSTOMERS);
  });

  it('a first sync can be cancelled: its queued page is dropped', async () => {
    // No worker takes the page meanwhile, so the cancel always meets a running sync.
    await worker?.stop();
    worker = undefined;
    const started = await api<{ runs: RunView[] }>('POST', '/api/v1/first-syncs', { object: 'product' }, 202);
    const id = started.runs[0]?.id ?? '';
    const cancelled = await api<RunView>('POST', `/api/v1/first-syncs/${id}/cancel`, {});
    expect(cancelled).toMatchObject({ id, status: 'cancelled' });
    const queued = await world.db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM graphile_worker.jobs WHERE key = ${`first-sync:${id}`}`;
    expect(Number(queued[0]?.n)).toBe(0);
    const again = await world.signed(hubId, 'POST', `/api/v1/first-syncs/${id}/cancel`, {});
    expect(again.statusCode).toBe(409);
  });
});
