import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { syncingPortal, type TestPortal } from '@ledgersync/test-world';
import { REAL_RATE_LIMITS } from './measure/rate-limits.ts';
import { type ApiCalls, apiCalls, resetApiCalls } from './world/api-calls.ts';
import { checkSides } from './world/check-sides.ts';
import { recordNotices } from './world/notices.ts';
import { seedHubSpot } from './world/seed-hubspot.ts';
import { seedQuickBooks } from './world/seed-quickbooks.ts';
import { type BenchWorld, startBenchWorld } from './world/start-bench-world.ts';

// Call budget (API calls per synced invoice in each direction): N invoices synced in
// each direction through the production runner and adapters against both emulators, and the calls
// the emulators logged, per route, held to the figures below. Counts, not time. The minimum for
// the same shape is in src/measure/minimum-calls.ts; what each figure spends above it is noted.

const N = 40;
const LINES = 3;

let world: BenchWorld;
beforeAll(async () => {
  world = await startBenchWorld({ limits: REAL_RATE_LIMITS, perCallDelayMs: 0 });
});
afterAll(async () => {
  await world?.close();
});

/** Drains the portal in this process until nothing is claimed; returns the calls it made. */
async function syncAll(p: TestPortal): Promise<ApiCalls> {
  await world.drain(p.portalId);
  return apiCalls(world, { hubIds: [p.hubId], realmIds: [p.realmId] });
}

/**
 * Every synced record is reported changed on both sides again (the echoes of our own writes):
 * a drain must find nothing to write. This is what makes taking records from write answers safe.
 */
async function echoesWriteNothing(p: TestPortal): Promise<number> {
  const links = await world.db.recordLink.findMany({ where: { portalId: p.portalId } });
  const batches = (['hubspot', 'quickbooks'] as const).flatMap((side) =>
    (['customer', 'product', 'invoice'] as const).map((object) => ({
      portalId: p.portalId,
      side,
      object,
      ids: links
        .filter((l) => l.object === object)
        .map((l) => (side === 'hubspot' ? l.hubspotId : l.quickbooksId))
        .filter((id): id is string => id !== null),
    })),
  );
  await recordNotices(world, batches);
  const reports = await world.drain(p.portalId);
  return reports.reduce((writes, report) => writes + report.writes, 0);
}

describe(`API calls for ${N} invoices (${LINES} lines) per direction`, () => {
  it('QBO → HubSpot stays within the inbound budget per route, both sides equal', async () => {
    const p = await syncingPortal(world);
    const ids = await seedQuickBooks(world.qboUrl, p.realmId, p.incomeAccountId, {
      invoices: N,
      linesPerInvoice: LINES,
      customers: 10,
      items: 5,
    });
    await recordNotices(world, [{ portalId: p.portalId, side: 'quickbooks', object: 'invoice', ids }]);
    await resetApiCalls(world);
    const made = await syncAll(p);
    process.stdout.write(`inbound ${N}: ${JSON.stringify(made.byRoute)}\n`);
    expect(await checkSides(world, p, N)).toMatchObject({ correct: true });
    expect(made.http429).toEqual({ hubspot: 0, quickbooks: 0 });
    expect(overBudget(made, INBOUND_BUDGET)).toEqual([]);
    expect(await echoesWriteNothing(p)).toBe(0);
  }, 120_000);

  it('HubSpot → QBO stays within the outbound budget per route, both sides equal', async () => {
    const p = await syncingPortal(world);
    const ids = await seedHubSpot(world.hubspotUrl, p.hubId, {
      invoices: N,
      linesPerInvoice: LINES,
      contacts: 10,
      products: 5,
    });
    await recordNotices(world, [{ portalId: p.portalId, side: 'hubspot', object: 'invoice', ids }]);
    await resetApiCalls(world);
    const made = await syncAll(p);
    process.stdout.write(`outbound ${N}: ${JSON.stringify(made.byRoute)}\n`);
    expect(await checkSides(world, p, N)).toMatchObject({ correct: true });
    expect(made.http429).toEqual({ hubspot: 0, quickbooks: 0 });
    expect(overBudget(made, OUTBOUND_BUDGET)).toEqual([]);
    expect(await echoesWriteNothing(p)).toBe(0);
  }, 120_000);
});

type Budget = { readonly [side in 'hubspot' | 'quickbooks']: Readonly<Record<string, number>> };

/** Routes called more often than budgeted (a route missing from the budget has a budget of 0). */
function overBudget(made: ApiCalls, budget: Budget): string[] {
  return (['hubspot', 'quickbooks'] as const).flatMap((side) =>
    Object.entries(made.byRoute[side])
      .filter(([route, n]) => n > (budget[side][route] ?? 0))
      .map(([route, n]) => `${side} ${route}: ${n} > ${budget[side][route] ?? 0}`),
  );
}

const QBO = '/v3/company/:realmId';
const HS_OBJECTS = '/crm/v3/objects/:objectType';
const HS_ASSOCIATIONS = '/crm/v4/associations/:fromType/:toType';

/**
 * 40 QBO invoices, 10 customers, 5 items → empty HubSpot. Minimum (minimum-calls.ts): QBO 3,
 * HubSpot 5 (creates: contacts 1, products 1, invoices 1, line items 2).
 */
const INBOUND_BUDGET: Budget = {
  quickbooks: {
    // Read once per drain (shared by reader, writer and planner).
    [`GET ${QBO}/preferences`]: 1,
    [`GET ${QBO}/companyinfo/:id`]: 1,
    // Invoices, customers, items by Id IN (...), and the Custom Line Item lookup.
    [`GET ${QBO}/query`]: 4,
    // The Custom Line Item, made once per company (R-OBJ-1).
    [`POST ${QBO}/item`]: 1,
  },
  hubspot: {
    // Records created with their associations inline: contacts 1, products 1, invoices 1, lines 2.
    [`POST ${HS_OBJECTS}/batch/create`]: 5,
    // The association type ids, once per portal (invoice → contact, line item → invoice), then kept.
    [`GET ${HS_ASSOCIATIONS}/labels`]: 2,
    // Contacts by email (matching, R-OBJ-2); created records are taken from the write answers.
    [`POST ${HS_OBJECTS}/batch/read`]: 1,
    // Products by SKU (matching, R-OBJ-1).
    [`POST ${HS_OBJECTS}/search`]: 1,
    // HubSpot creates invoices as drafts; one leaves draft once its contact and lines are attached.
    [`POST ${HS_OBJECTS}/batch/update`]: 1,
  },
};

/**
 * 40 HubSpot invoices, 10 contacts, 5 products → empty QBO. Minimum: HubSpot 7 (invoices 1, two
 * association reads, line items 2, contacts 1, products 1), QBO 2 lookups + 4 batches.
 */
const OUTBOUND_BUDGET: Budget = {
  quickbooks: {
    [`GET ${QBO}/preferences`]: 1,
    [`GET ${QBO}/companyinfo/:id`]: 1,
    // Lookups: emails, display names (customers, vendors, employees: R-ERR-2), SKUs; Custom Line Item.
    [`GET ${QBO}/query`]: 6,
    [`POST ${QBO}/item`]: 1,
    // Customers and items together, then the invoices (30 per batch).
    [`POST ${QBO}/batch`]: 3,
  },
  hubspot: {
    [`POST ${HS_OBJECTS}/batch/read`]: 5,
    [`POST ${HS_ASSOCIATIONS}/batch/read`]: 2,
  },
};
