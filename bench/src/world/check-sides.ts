import type { TestPortal } from '@ledgersync/test-world';
import { Decimal } from 'decimal.js';
import { json } from './http.ts';
import type { BenchWorld } from './start-bench-world.ts';

export interface SideCheck {
  readonly correct: boolean;
  readonly detail: string;
}

interface Totals {
  count: number;
  ids: Set<string>;
  total: Decimal;
}

async function hubspotInvoices(world: BenchWorld, p: TestPortal): Promise<Totals> {
  const headers = { 'x-emulator-act-as-user': '1', 'x-emulator-portal-id': p.hubId };
  const out: Totals = { count: 0, ids: new Set(), total: new Decimal(0) };
  let after: string | undefined;
  do {
    const page = await json<{
      results: { id: string; properties: Record<string, string | null> }[];
      paging?: { next?: { after: string } };
    }>(
      `${world.hubspotUrl}/crm/v3/objects/invoices?limit=100&properties=hs_amount_billed${after ? `&after=${after}` : ''}`,
      { headers },
    );
    for (const r of page.results) {
      out.count++;
      out.ids.add(r.id);
      out.total = out.total.plus(r.properties.hs_amount_billed ?? '0');
    }
    after = page.paging?.next?.after;
  } while (after);
  return out;
}

async function quickbooksInvoices(world: BenchWorld, p: TestPortal): Promise<Totals> {
  const out: Totals = { count: 0, ids: new Set(), total: new Decimal(0) };
  for (let start = 1; ; start += 1000) {
    const query = encodeURIComponent(`select * from Invoice startposition ${start} maxresults 1000`);
    const page = await json<{ QueryResponse: { Invoice?: { Id: string; TotalAmt: number }[] } }>(
      `${world.qboUrl}/v3/company/${p.realmId}/query?query=${query}`,
      { headers: { authorization: `Bearer ${p.qboToken}`, accept: 'application/json' } },
    );
    const rows = page.QueryResponse.Invoice ?? [];
    for (const r of rows) {
      out.count++;
      out.ids.add(r.Id);
      out.total = out.total.plus(String(r.TotalAmt));
    }
    if (rows.length < 1000) return out;
  }
}

/**
 * Both sides equal after a run: the same number of invoices (`expected` each), no duplicate on
 * either side, the same billed total, and one synced link per invoice pair.
 */
export async function checkSides(world: BenchWorld, p: TestPortal, expected: number): Promise<SideCheck> {
  const [hs, qbo] = [await hubspotInvoices(world, p), await quickbooksInvoices(world, p)];
  const links = await world.db.recordLink.findMany({
    where: { portalId: p.portalId, object: 'invoice' },
    select: { hubspotId: true, quickbooksId: true, status: true },
  });
  const synced = links.filter((l) => l.status === 'synced' && l.hubspotId && l.quickbooksId);
  const problems: string[] = [];
  if (hs.count !== expected) problems.push(`HubSpot has ${hs.count} invoices, expected ${expected}`);
  if (qbo.count !== expected) problems.push(`QBO has ${qbo.count} invoices, expected ${expected}`);
  if (!hs.total.equals(qbo.total)) problems.push(`totals differ: HubSpot ${hs.total} vs QBO ${qbo.total}`);
  if (synced.length !== expected) problems.push(`${synced.length} synced links, expected ${expected}`);
  if (new Set(synced.map((l) => l.hubspotId)).size !== synced.length)
    problems.push('a HubSpot invoice is linked twice');
  if (new Set(synced.map((l) => l.quickbooksId)).size !== synced.length)
    problems.push('a QBO invoice is linked twice');
  return { correct: problems.length === 0, detail: problems.join('; ') || 'ok' };
}
