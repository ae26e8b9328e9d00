import { QboQuery, type QuickBooksClient } from '@ledgersync/quickbooks';
import type { TestPortal, TestWorld } from '@ledgersync/test-world';
import type { Dataset } from './dataset.ts';

// "Both sides equal, every record exactly once", counted on the emulators themselves: QBO
// entities by DocNumber / DisplayName, HubSpot objects by `ledgersync_qbo_id`.

export interface Convergence {
  /** Expected keys found more than once, per side and kind (`qbo Customer Fault 1 ×2`). */
  readonly duplicated: string[];
  /** Expected keys not found at all. */
  readonly missing: string[];
  readonly pendingNotices: number;
  readonly unsyncedLinks: number;
  /** Failed links by object and error code (`payment rate_limited: 3`). */
  readonly failures: Record<string, number>;
}

function tally(keys: ReadonlyArray<string | undefined>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

async function qboAll<E extends 'Customer' | 'Invoice' | 'Payment'>(qbo: QuickBooksClient, entity: E) {
  const all = [];
  for (let start = 1; ; start += 1000) {
    const page = await qbo.queryPage(QboQuery.select(entity), start, 1000);
    all.push(...page.entities);
    if (page.entities.length < 1000) return all;
  }
}

async function hubspotQboIds(p: TestPortal, type: string): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  do {
    const page = await p.hs<{
      results: Array<{ properties: Record<string, string | null> }>;
      paging?: { next?: { after: string } };
    }>(`/crm/v3/objects/${type}?limit=100&properties=ledgersync_qbo_id${after ? `&after=${after}` : ''}`);
    for (const o of page.results) ids.push(o.properties.ledgersync_qbo_id ?? '');
    after = page.paging?.next?.after;
  } while (after);
  return ids;
}

function check(
  label: string,
  expected: readonly string[],
  counts: Map<string, number>,
  out: { duplicated: string[]; missing: string[] },
) {
  for (const key of expected) {
    const n = counts.get(key) ?? 0;
    if (n === 0) out.missing.push(`${label} ${key}`);
    if (n > 1) out.duplicated.push(`${label} ${key} ×${n}`);
  }
}

/** `qbo` reads QBO when the portal's own test token no longer works (expired by a scenario). */
export async function measureConvergence(
  world: TestWorld,
  p: TestPortal,
  data: Dataset,
  qbo: QuickBooksClient = p.qbo,
): Promise<Convergence> {
  const out = { duplicated: [] as string[], missing: [] as string[] };
  const customers = await qboAll(qbo, 'Customer');
  const invoices = await qboAll(qbo, 'Invoice');
  check('qbo Customer', data.customerNames, tally(customers.map((c) => c.DisplayName)), out);
  check('qbo Invoice', data.invoiceDocNumbers, tally(invoices.map((i) => i.DocNumber)), out);
  // QBO-made records carry their QBO id in HubSpot; HubSpot-made contacts were counted in QBO.
  check('hubspot contact', data.qboIds.customer, tally(await hubspotQboIds(p, 'contacts')), out);
  check('hubspot invoice', data.qboIds.invoice, tally(await hubspotQboIds(p, 'invoices')), out);
  check('hubspot payment', data.qboIds.payment, tally(await hubspotQboIds(p, 'commerce_payments')), out);
  const pendingNotices = await world.db.changeNotice.count({
    where: { portalId: p.portalId, processedAt: null },
  });
  const unsyncedLinks = await world.db.recordLink.count({
    where: { portalId: p.portalId, status: { in: ['pending', 'failed'] } },
  });
  const failed = await world.db.recordLink.groupBy({
    by: ['object', 'errorCode'],
    where: { portalId: p.portalId, status: 'failed' },
    _count: true,
  });
  const failures: Record<string, number> = {};
  for (const f of failed) failures[`${f.object} ${f.errorCode ?? 'no code'}`] = f._count;
  return { ...out, pendingNotices, unsyncedLinks, failures };
}

/** True once no notice and no link is pending (the drain is over; failures are settled too). */
export async function settled(world: TestWorld, p: TestPortal): Promise<boolean> {
  const pending = await world.db.changeNotice.count({ where: { portalId: p.portalId, processedAt: null } });
  if (pending > 0) return false;
  return (await world.db.recordLink.count({ where: { portalId: p.portalId, status: 'pending' } })) === 0;
}

/** Where a portal's sync stands, for a failure message: links by status and error code, notices left. */
export async function syncState(world: TestWorld, p: TestPortal): Promise<Record<string, number>> {
  const links = await world.db.recordLink.groupBy({
    by: ['object', 'status', 'errorCode'],
    where: { portalId: p.portalId },
    _count: true,
  });
  const state: Record<string, number> = {
    pendingNotices: await world.db.changeNotice.count({ where: { portalId: p.portalId, processedAt: null } }),
  };
  for (const l of links) state[`${l.object} ${l.status}${l.errorCode ? ` ${l.errorCode}` : ''}`] = l._count;
  return state;
}

/** Waits until the portal is settled; on timeout, fails with where the sync stands. */
export async function untilSettled(world: TestWorld, p: TestPortal, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await settled(world, p)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not settled after ${timeoutMs} ms: ${JSON.stringify(await syncState(world, p))}`);
}

/** True once a drain has claimed (or finished) any of the portal's notices. */
export async function drainStarted(world: TestWorld, p: TestPortal): Promise<boolean> {
  const touched = await world.db.changeNotice.count({
    where: { portalId: p.portalId, OR: [{ nextAttemptAt: { not: null } }, { processedAt: { not: null } }] },
  });
  return touched > 0;
}
